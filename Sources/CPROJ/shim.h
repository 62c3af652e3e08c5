#ifndef BORDERFLOW_CPROJ_SHIM_H
#define BORDERFLOW_CPROJ_SHIM_H
#include <proj.h>
#endif
