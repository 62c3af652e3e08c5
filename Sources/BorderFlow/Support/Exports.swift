// `import BorderFlow` is enough to use the library. Its public API speaks of a few value types of the spatial
// layer, re-exported here one by one (InputFileError because every reader of user files throws it); the layers
// below (GEOS and PROJ handles, the graph and its masks) stay out of sight unless a program imports
// `BorderFlowSpatial` or `BorderFlowGraph` itself.
@_exported import struct BorderFlowSpatial.Coordinate
@_exported import enum BorderFlowSpatial.GeoJSONGeometry
@_exported import struct BorderFlowSpatial.CoordinateReferenceSystem
@_exported import enum BorderFlowSpatial.WorkingCRS
@_exported import struct BorderFlowSpatial.Position
@_exported import struct BorderFlowSpatial.GeoJSONError
@_exported import struct BorderFlowSpatial.InputFileError
