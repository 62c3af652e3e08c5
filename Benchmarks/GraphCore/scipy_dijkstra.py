#!/usr/bin/env python3
"""scipy's Dijkstra on a DIMACS .gr file, for Benchmarks/graph-core to set beside the C++ reference.

    python3 scipy_dijkstra.py FILE.gr

Loads the arcs into a scipy.sparse.csr_matrix (of several arcs between the same two nodes, the cheapest),
then runs scipy.sparse.csgraph.dijkstra from each of 10 sources spread over the node ids: source k (0-based)
is node (2k + 1) * N / 20, as in reference_dijkstra.cpp. Prints the C++ program's lines: per source the
checksum (nodes reached, sum of their distances) and the milliseconds of the search (loading excluded), then
the median. Without scipy it says how to install it and prints no results.
"""
import statistics
import sys
import time

SOURCE_COUNT = 10


def load_csr(path, np, sparse):
    with open(path, "rb") as file:
        lines = file.read().splitlines()
    node_count = next(int(line.split()[2]) for line in lines if line.startswith(b"p "))
    arc_lines = b" ".join(line[1:] for line in lines if line.startswith(b"a "))
    numbers = np.fromstring(arc_lines, dtype=np.int64, sep=" ").reshape(-1, 3)
    tails, heads, weights = numbers[:, 0] - 1, numbers[:, 1] - 1, numbers[:, 2].astype(np.float64)
    # A COO matrix would add up repeated arcs; sorting by (tail, head, weight) and keeping the first of each
    # (tail, head) keeps the cheapest.
    order = np.lexsort((weights, heads, tails))
    tails, heads, weights = tails[order], heads[order], weights[order]
    first = np.ones(len(tails), dtype=bool)
    first[1:] = (tails[1:] != tails[:-1]) | (heads[1:] != heads[:-1])
    return sparse.csr_matrix((weights[first], (tails[first], heads[first])), shape=(node_count, node_count))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scipy_dijkstra.py FILE.gr")
    try:
        import numpy as np
        from scipy import sparse
        from scipy.sparse import csgraph
    except ImportError:
        print("scipy is not installed, so its row is skipped: pip install scipy (or apt-get install python3-scipy)",
              file=sys.stderr)
        return
    graph = load_csr(sys.argv[1], np, sparse)
    node_count = graph.shape[0]
    times = []
    for k in range(SOURCE_COUNT):
        source = (2 * k + 1) * node_count // (2 * SOURCE_COUNT)
        start = time.perf_counter()
        distances = csgraph.dijkstra(graph, directed=True, indices=source)
        times.append((time.perf_counter() - start) * 1000)
        reached = distances[np.isfinite(distances)]
        # Whole milliseconds, exact in float64, summed as integers.
        distance_sum = int(reached.astype(np.int64).sum())
        print(f"tree source={source + 1} reached={len(reached)} distance_sum={distance_sum} ms={times[-1]:.3f}")
    print(f"median_ms={statistics.median(times):.3f}")


if __name__ == "__main__":
    main()
