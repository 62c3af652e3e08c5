#ifndef BORDERFLOW_CGEOS_SHIM_H
#define BORDERFLOW_CGEOS_SHIM_H
// Only the reentrant (context handle) API: contexts are owned per object, never global.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
