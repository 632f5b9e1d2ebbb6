#ifndef GEOMAP_CZLIB_SHIM_H
#define GEOMAP_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro: a gzip or zlib stream, its header detected (15 + 32).
static inline int geomap_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
