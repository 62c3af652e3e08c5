// The hand-written reference: a plain Dijkstra over a CSR graph, as one would write it in C++ without a library.
//
//   reference_dijkstra FILE.gr
//
// Reads a DIMACS .gr file into CSR arrays (offsets, targets, weights), then grows a full shortest-path tree from
// each of 10 sources spread over the node ids: source k (0-based) is node (2k + 1) * N / 20, the rule that
// BorderFlowGraph's and scipy's runs follow too. Prints one line per source with its checksum (nodes reached, sum
// of their distances) and the milliseconds the tree took (reading excluded), then the median:
//
//   tree source=5001 reached=100000 distance_sum=1234567890 ms=12.345
//   median_ms=12.345
//
// Node ids are printed 1-based, as in the file.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

namespace {

constexpr int kSourceCount = 10;
constexpr uint64_t kUnreached = std::numeric_limits<uint64_t>::max();

struct CsrGraph {
    uint32_t node_count = 0;
    std::vector<uint32_t> offsets;  // the arcs leaving node u are offsets[u]..offsets[u + 1]
    std::vector<uint32_t> targets;
    std::vector<uint32_t> weights;
};

[[noreturn]] void fail(const char* message) {
    std::fprintf(stderr, "reference_dijkstra: %s\n", message);
    std::exit(1);
}

// Reads the unsigned number that starts at or after `*cursor` on the current line and moves past it.
uint64_t read_number(const char** cursor, const char* end) {
    const char* p = *cursor;
    while (p < end && (*p == ' ' || *p == '\t')) ++p;
    if (p == end || *p < '0' || *p > '9') fail("expected a number");
    uint64_t value = 0;
    while (p < end && *p >= '0' && *p <= '9') value = value * 10 + uint64_t(*p++ - '0');
    *cursor = p;
    return value;
}

CsrGraph read_dimacs(const char* path) {
    FILE* file = std::fopen(path, "rb");
    if (!file) fail("cannot open the .gr file");
    std::vector<char> text;
    char chunk[1 << 16];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) text.insert(text.end(), chunk, chunk + n);
    std::fclose(file);

    CsrGraph graph;
    std::vector<uint32_t> tails, heads, weights;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        if (*p == 'p') {
            p += 1;
            while (p < end && (*p == ' ' || *p == '\t')) ++p;
            while (p < end && *p != ' ' && *p != '\t' && *p != '\n') ++p;  // the problem name, "sp"
            graph.node_count = uint32_t(read_number(&p, end));
            const uint64_t arc_count = read_number(&p, end);
            tails.reserve(arc_count);
            heads.reserve(arc_count);
            weights.reserve(arc_count);
        } else if (*p == 'a') {
            p += 1;
            const uint64_t tail = read_number(&p, end), head = read_number(&p, end);
            if (tail < 1 || tail > graph.node_count || head < 1 || head > graph.node_count) fail("an arc names a missing node");
            tails.push_back(uint32_t(tail - 1));
            heads.push_back(uint32_t(head - 1));
            weights.push_back(uint32_t(read_number(&p, end)));
        }
        while (p < end && *p != '\n') ++p;  // the rest of the line, or a comment line
        ++p;
    }
    if (graph.node_count == 0) fail("no 'p sp N M' line");

    // Counting sort of the arcs by tail; arcs keep their file order within a node.
    graph.offsets.assign(graph.node_count + 1, 0);
    for (uint32_t tail : tails) ++graph.offsets[tail + 1];
    for (uint32_t node = 0; node < graph.node_count; ++node) graph.offsets[node + 1] += graph.offsets[node];
    graph.targets.resize(heads.size());
    graph.weights.resize(heads.size());
    std::vector<uint32_t> next(graph.offsets.begin(), graph.offsets.end() - 1);
    for (size_t arc = 0; arc < heads.size(); ++arc) {
        const uint32_t position = next[tails[arc]]++;
        graph.targets[position] = heads[arc];
        graph.weights[position] = weights[arc];
    }
    return graph;
}

// Lazy Dijkstra: a node may sit in the queue several times; only the entry with its final distance counts.
std::vector<uint64_t> dijkstra(const CsrGraph& graph, uint32_t source) {
    std::vector<uint64_t> distance(graph.node_count, kUnreached);
    using Entry = std::pair<uint64_t, uint32_t>;  // (distance, node)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    distance[source] = 0;
    queue.push({0, source});
    while (!queue.empty()) {
        const auto [node_distance, node] = queue.top();
        queue.pop();
        if (node_distance > distance[node]) continue;  // stale: the node was settled more cheaply
        for (uint32_t arc = graph.offsets[node]; arc < graph.offsets[node + 1]; ++arc) {
            const uint32_t next = graph.targets[arc];
            const uint64_t candidate = node_distance + graph.weights[arc];
            if (candidate < distance[next]) {
                distance[next] = candidate;
                queue.push({candidate, next});
            }
        }
    }
    return distance;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE.gr\n", argv[0]);
        return 2;
    }
    const CsrGraph graph = read_dimacs(argv[1]);
    std::vector<double> milliseconds;
    for (int k = 0; k < kSourceCount; ++k) {
        const uint32_t source = uint32_t((2 * uint64_t(k) + 1) * graph.node_count / (2 * kSourceCount));
        const auto start = std::chrono::steady_clock::now();
        const std::vector<uint64_t> distance = dijkstra(graph, source);
        const auto stop = std::chrono::steady_clock::now();
        milliseconds.push_back(std::chrono::duration<double, std::milli>(stop - start).count());

        uint64_t reached = 0, distance_sum = 0;
        for (uint64_t d : distance) {
            if (d == kUnreached) continue;
            ++reached;
            distance_sum += d;
        }
        std::printf("tree source=%u reached=%llu distance_sum=%llu ms=%.3f\n", source + 1, (unsigned long long)reached,
                    (unsigned long long)distance_sum, milliseconds.back());
    }
    std::sort(milliseconds.begin(), milliseconds.end());
    const size_t middle = milliseconds.size() / 2;
    std::printf("median_ms=%.3f\n", (milliseconds[middle - 1] + milliseconds[middle]) / 2);
    return 0;
}
