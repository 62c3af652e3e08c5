// `import BorderFlow` is enough to use the library: its public API speaks of coordinates and GeoJSON
// geometries (the spatial layer) and of closure masks and seeded random numbers (the graph layer).
@_exported import BorderFlowGraph
@_exported import BorderFlowSpatial
