// The module is header-only (static inline functions); a C target needs one source file.
#include "CPrefetch.h"
