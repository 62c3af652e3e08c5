#ifndef BORDERFLOW_CGDAL_SHIM_H
#define BORDERFLOW_CGDAL_SHIM_H
// The C API of GDAL's vector side (OGR): opening a source, its layers, features, fields and geometries.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#endif
