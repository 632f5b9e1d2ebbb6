#ifndef GEOMAP_CGEOS_SHIM_H
#define GEOMAP_CGEOS_SHIM_H
#include <geos_c.h>
#endif
