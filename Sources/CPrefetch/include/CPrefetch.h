#ifndef GEOMAP_CPREFETCH_H
#define GEOMAP_CPREFETCH_H

/// Asks the CPU to start loading the cache line at `address`, without waiting for it: lookups in
/// the memory-mapped gazetteer index are issued for a whole text first, so that their cache
/// misses overlap instead of stalling one after another. Never faults, even on a bad address.
static inline __attribute__((always_inline)) void geomap_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
