// Writes a road-like graph in DIMACS shortest-path form: NODES nodes on a jittered grid, each joined to its right
// and lower neighbours by a two-way link (two arcs), for comparing graph cores on the same input.
//
//   generate_road_grid NODES SEED PREFIX     writes PREFIX.gr (arcs, weights in whole milliseconds) and
//                                            PREFIX.co (node coordinates in whole metres)
//
// The grid has ceil(sqrt(NODES)) columns, filled row by row (the last row may be short). Every column width and
// row height is drawn from 100-300 m, like blocks of a street grid, and each node lies at a random point of its
// cell. Each link gets a speed drawn from 50-110 km/h; both its arcs weigh length / speed, rounded up to whole
// milliseconds (at least 1). The length is measured between the rounded coordinates written to the .co file, so
// straight-line distance / 110 km/h is a lower bound on every path's cost (what A* relies on).
// The same NODES and SEED give the same files on every machine: the generator draws from its own SplitMix64.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr double kMinimumBlockMeters = 100;
constexpr double kMaximumBlockMeters = 300;
constexpr double kMinimumSpeedKmh = 50;
// Benchmarks/GraphCore/Swift derives its A* bound from this speed; change both together.
constexpr double kMaximumSpeedKmh = 110;

struct SplitMix64 {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [low, high), from the top 53 bits.
    double uniform(double low, double high) { return low + (high - low) * double(next() >> 11) * 0x1.0p-53; }
};

struct Point {
    int64_t x;
    int64_t y;
};

uint32_t travel_milliseconds(const Point& a, const Point& b, SplitMix64& random) {
    const double length_meters = std::hypot(double(a.x - b.x), double(a.y - b.y));
    const double speed_kmh = random.uniform(kMinimumSpeedKmh, kMaximumSpeedKmh);
    const double milliseconds = std::ceil(length_meters * 3600.0 / speed_kmh);
    return uint32_t(std::max(1.0, milliseconds));
}

// Cumulative edges of `count` blocks, each 100-300 m wide: edges[i]..edges[i+1] is block i.
std::vector<double> block_edges(size_t count, SplitMix64& random) {
    std::vector<double> edges(count + 1, 0.0);
    for (size_t i = 0; i < count; ++i) edges[i + 1] = edges[i] + random.uniform(kMinimumBlockMeters, kMaximumBlockMeters);
    return edges;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s NODES SEED PREFIX\n", argv[0]);
        return 2;
    }
    const size_t node_count = std::strtoull(argv[1], nullptr, 10);
    SplitMix64 random{std::strtoull(argv[2], nullptr, 10)};
    const std::string prefix = argv[3];
    if (node_count < 2 || node_count > 100000000) {
        std::fprintf(stderr, "NODES must be between 2 and 100,000,000\n");
        return 2;
    }
    const size_t columns = size_t(std::ceil(std::sqrt(double(node_count))));
    const size_t rows = (node_count + columns - 1) / columns;
    const std::vector<double> column_edges = block_edges(columns, random);
    const std::vector<double> row_edges = block_edges(rows, random);

    std::vector<Point> points(node_count);
    for (size_t node = 0; node < node_count; ++node) {
        const size_t row = node / columns, column = node % columns;
        points[node].x = std::llround(random.uniform(column_edges[column], column_edges[column + 1]));
        points[node].y = std::llround(random.uniform(row_edges[row], row_edges[row + 1]));
    }

    struct Arc {
        uint32_t from, to, milliseconds;
    };
    std::vector<Arc> arcs;
    arcs.reserve(4 * node_count);
    for (size_t node = 0; node < node_count; ++node) {
        const bool has_right = node % columns + 1 < columns && node + 1 < node_count;
        const bool has_below = node + columns < node_count;
        for (size_t neighbour : {has_right ? node + 1 : node, has_below ? node + columns : node}) {
            if (neighbour == node) continue;
            const uint32_t weight = travel_milliseconds(points[node], points[neighbour], random);
            arcs.push_back({uint32_t(node), uint32_t(neighbour), weight});
            arcs.push_back({uint32_t(neighbour), uint32_t(node), weight});
        }
    }

    FILE* graph = std::fopen((prefix + ".gr").c_str(), "w");
    FILE* coordinates = std::fopen((prefix + ".co").c_str(), "w");
    if (!graph || !coordinates) {
        std::perror("cannot write the graph files");
        return 1;
    }
    std::fprintf(graph, "c road-like jittered grid, %zu x %zu cells of 100-300 m, 50-110 km/h, weights in ms\n", columns, rows);
    std::fprintf(graph, "p sp %zu %zu\n", node_count, arcs.size());
    for (const Arc& arc : arcs) std::fprintf(graph, "a %u %u %u\n", arc.from + 1, arc.to + 1, arc.milliseconds);
    std::fprintf(coordinates, "c node positions in metres\n");
    std::fprintf(coordinates, "p aux sp co %zu\n", node_count);
    for (size_t node = 0; node < node_count; ++node)
        std::fprintf(coordinates, "v %zu %lld %lld\n", node + 1, (long long)points[node].x, (long long)points[node].y);
    if (std::fclose(graph) != 0 || std::fclose(coordinates) != 0) {
        std::perror("cannot write the graph files");
        return 1;
    }
    return 0;
}
