#!/usr/bin/python3
"""Recomputes the figures in EXPECTED.md from nogales.osm (and nogales-lines.geojson) by the import rules
(README.md, "Importing a real road network"): crossing matching, parts, place connectors, then a plain Dijkstra on
travel time per mode. The one place where the importer differs from the v1 rules text: the matched crossing
segment A-B (A Mexican end, B U.S. end) is not simply removed; it is replaced by two straight two-way "approach"
roads A -> P and P -> B, P = the crossing's point in GeoData/crossings.geojson, with the class, speed and access of
the line the segment belonged to. A route through a crossing = (route to A) + A-P + inspection + P-B + (route from B),
and only the crossing's own `modes` may pass P (P is split in a Mexican and a U.S. node joined by the inspection).
Lengths are geodesic on the WGS 84 ellipsoid (Vincenty's inverse formula, which agrees
with PROJ's proj_geod / Karney to well under a millimetre at these distances).
Run: /usr/bin/python3 check_expected.py   (no third-party modules needed)."""
import heapq, json, math, os, re, sys, unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = os.path.join(HERE, '..', '..', '..', '..', 'GeoData')
BBOX = (-110.99, 31.30, -110.92, 31.35)  # W S E N

def geodesic(p, q):
    """Vincenty inverse on WGS 84; p, q = (lon, lat) in degrees; metres."""
    a, f = 6378137.0, 1 / 298.257223563
    b = a * (1 - f)
    L = math.radians(q[0] - p[0])
    U1 = math.atan((1 - f) * math.tan(math.radians(p[1])))
    U2 = math.atan((1 - f) * math.tan(math.radians(q[1])))
    sU1, cU1, sU2, cU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sl, cl = math.sin(lam), math.cos(lam)
        ss = math.hypot(cU2 * sl, cU1 * sU2 - sU1 * cU2 * cl)
        if ss == 0: return 0.0
        cs = sU1 * sU2 + cU1 * cU2 * cl
        sig = math.atan2(ss, cs)
        sa = cU1 * cU2 * sl / ss
        c2a = 1 - sa * sa
        c2sm = cs - 2 * sU1 * sU2 / c2a if c2a else 0.0
        C = f / 16 * c2a * (4 + f * (4 - 3 * c2a))
        prev, lam = lam, L + (1 - C) * f * sa * (sig + C * ss * (c2sm + C * cs * (-1 + 2 * c2sm * c2sm)))
        if abs(lam - prev) < 1e-13: break
    u2 = c2a * (a * a - b * b) / (b * b)
    A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    ds = B * ss * (c2sm + B / 4 * (cs * (-1 + 2 * c2sm * c2sm) - B / 6 * c2sm * (-3 + 4 * ss * ss) * (-3 + 4 * c2sm * c2sm)))
    return b * A * (sig - ds)

def local_xy(p, origin):  # metres, equirectangular about origin (for point-to-segment distances only)
    k = math.cos(math.radians(origin[1]))
    return ((p[0] - origin[0]) * 111319.49 * k, (p[1] - origin[1]) * 110946.0)

def point_segment(pt, a, b):
    ax, ay = local_xy(a, pt); bx, by = local_xy(b, pt)
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
    return math.hypot(ax + t * dx, ay + t * dy)

# ---- the rules' tables ----
CLASS = {'motorway': ('motorway', 110), 'motorway_link': ('motorway', 60), 'trunk': ('trunk', 90), 'trunk_link': ('trunk', 50),
         'primary': ('primary', 80), 'primary_link': ('primary', 50), 'secondary': ('secondary', 70),
         'secondary_link': ('secondary', 50), 'tertiary': ('secondary', 60), 'tertiary_link': ('secondary', 40),
         'unclassified': ('local', 50), 'residential': ('local', 40), 'living_street': ('local', 20),
         'service': ('local', 25), 'road': ('local', 40), 'footway': ('footway', 5), 'pedestrian': ('footway', 5),
         'path': ('footway', 5), 'steps': ('footway', 5), 'ferry': ('ferry', 10)}
INSPECTION = {('pov', 'N'): 1800, ('pov', 'S'): 300, ('bus', 'N'): 2700, ('bus', 'S'): 900, ('truck', 'N'): 3600,
              ('truck', 'S'): 1800, ('pedestrian', 'N'): 1200, ('pedestrian', 'S'): 300}
PROFILE = {'pov': 'car', 'bus': 'car', 'truck': 'truck', 'pedestrian': 'pedestrian'}
CAP = {'truck': 90, 'bus': 100}

def road(tags, generic):
    """-> dict(cls, kph, oneway(+1/-1/0), car, truck) or None when the line is not a road."""
    hw = tags.get('highway')
    if not generic and tags.get('route') == 'ferry': hw = 'ferry'
    if hw not in CLASS: return None
    cls, kph = CLASS[hw]
    ms = tags.get('maxspeed')
    if ms not in (None, ''):
        m = re.match(r'^\s*([0-9.]+)\s*(mph)?\s*$', str(ms))
        if m: kph = float(m.group(1)) * (1.609344 if m.group(2) else 1)
    ow = str(tags.get('oneway') or '').lower()
    one = 1 if ow in ('yes', 'true', '1', 'ft') else -1 if ow in ('-1', 'reverse', 'tf') else 0
    if ow == '' and not generic and (hw == 'motorway' or tags.get('junction') == 'roundabout'): one = 1
    if cls == 'footway': one = 0
    car = cls != 'footway'
    truck = car and (cls != 'ferry' or tags.get('hgv') in ('yes', 'designated')) and tags.get('hgv') != 'no'
    if tags.get('access') in ('no', 'private') or tags.get('motor_vehicle') == 'no': car = truck = False
    return dict(cls=cls, kph=kph, oneway=one, car=car, truck=truck, ped=car or cls == 'footway', name=tags.get('name') or '')

# ---- readers: -> (coords {node: (lon,lat)}, lines [(name-tags, [node,...])]) ----
def read_osm(path):
    root = ET.parse(path).getroot()
    coords = {n.get('id'): (float(n.get('lon')), float(n.get('lat'))) for n in root.iter('node')}
    lines = [({t.get('k'): t.get('v') for t in w.iter('tag')}, [nd.get('ref') for nd in w.iter('nd')]) for w in root.iter('way')]
    return coords, lines

def read_lines(path, split=True):
    """Plain lines: vertices equal to 1e-7 deg are one node; a line END within 0.5 m of another line's interior splits it."""
    feats = json.load(open(path))['features']
    key = lambda c: '%.7f,%.7f' % (c[0], c[1])
    coords, lines = {}, []
    for f in feats:
        refs = [key(c) for c in f['geometry']['coordinates']]
        for r, c in zip(refs, f['geometry']['coordinates']): coords[r] = (c[0], c[1])
        lines.append((f['properties'], refs))
    for _, refs in (lines if split else []):
        for end in (refs[0], refs[-1]):
            for _, other in lines:
                if end in other: continue
                for i in range(len(other) - 1):
                    if point_segment(coords[end], coords[other[i]], coords[other[i + 1]]) <= 0.5:
                        other.insert(i + 1, end); break
    return coords, lines

def words(s):
    s = unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode().lower()
    return {w for w in re.findall(r'[a-z]+', s) if len(w) >= 4}

def boundary_lat(lon, line):
    for (x1, y1), (x2, y2) in zip(line, line[1:]):
        if min(x1, x2) <= lon <= max(x1, x2):
            return y1 + (y2 - y1) * (lon - x1) / (x2 - x1)
    raise ValueError('boundary does not span %f' % lon)

def build(coords, lines, generic, join_bridge=False, honour_oneway=True, honour_hgv=True, bbox=BBOX, closed=()):
    boundary = json.load(open(os.path.join(GEO, 'boundary.geojson')))['features'][0]['geometry']['coordinates']
    inside = lambda p: bbox is None or (bbox[0] <= p[0] <= bbox[2] and bbox[1] <= p[1] <= bbox[3])
    crossings = [f for f in json.load(open(os.path.join(GEO, 'crossings.geojson')))['features']
                 if inside(f['geometry']['coordinates']) and f['properties']['modes'] != ['rail']]
    places = [f for f in json.load(open(os.path.join(GEO, 'places.geojson')))['features'] if inside(f['geometry']['coordinates'])]
    coords = dict(coords); lines = [(dict(t), list(r)) for t, r in lines]
    if join_bridge:  # counterfactual: a node where I-19's bridge crosses Crawford Street
        cr = next(r for t, r in lines if t.get('name') == 'Crawford Street')  # runs west-east under I-19
        y = coords[cr[0]][1]
        for t, r in lines:
            for i in range(len(r) - 1):
                if t.get('name') == 'I-19' and (coords[r[i]][1] - y) * (coords[r[i + 1]][1] - y) < 0:
                    coords['X'] = (coords[r[i]][0], y); r.insert(i + 1, 'X'); cr.insert(1, 'X')
    segs = []  # (a, b, info, line name)
    for tags, refs in lines:
        if not honour_hgv and tags.get('hgv') == 'no': tags = dict(tags, hgv=None)
        info = road(tags, generic)
        if info is None: continue
        if not honour_oneway: info['oneway'] = 0
        for a, b in zip(refs, refs[1:]): segs.append([a, b, info])
    # crossings: name first, then nearest segment within 1,000 m
    matched, removed = {}, set()
    for c in crossings:
        p = tuple(c['geometry']['coordinates']); cw = words(c['properties']['name'])
        prof = 'ped' if c['properties']['modes'] == ['pedestrian'] else 'car'
        cands = [(not (words(s[2]['name']) & cw), point_segment(p, coords[s[0]], coords[s[1]]), i)
                 for i, s in enumerate(segs) if s[2][prof] and i not in removed]
        cands = [x for x in cands if x[1] <= 1000]
        if not cands: continue
        best = min(cands); removed.add(best[2]); matched[c['id']] = (best[2], best[1], c)
    # parts (ignoring direction)
    parent = {}
    def find(n):
        parent.setdefault(n, n)
        while parent[n] != n: parent[n] = parent[parent[n]]; n = parent[n]
        return n
    for i, s in enumerate(segs):
        find(s[0]); find(s[1])
        if i not in removed: parent[find(s[0])] = find(s[1])
    members = {}
    for n in parent: members.setdefault(find(n), []).append(n)
    side = lambda n: 'MX' if coords[n][1] < boundary_lat(coords[n][0], boundary) else 'US'
    country = {r: max(('MX', 'US'), key=lambda k: sum(side(n) == k for n in ms)) for r, ms in members.items()}
    cross_ends = {}
    for cid, (i, d, c) in matched.items():
        a, b = segs[i][0], segs[i][1]
        if find(a) == find(b): raise SystemExit('ERROR: %s: both ends of its segment are in one part' % cid)
        ends = {country[find(a)]: a, country[find(b)]: b}
        if set(ends) != {'MX', 'US'}: raise SystemExit('ERROR: %s: its ends are not on the two sides' % cid)
        cross_ends[cid] = (ends['MX'], ends['US'], c['properties']['modes'], i, tuple(c['geometry']['coordinates']))
    kept = {find(n) for e in cross_ends.values() for n in e[:2]}
    dropped = [sorted(ms) for r, ms in members.items() if r not in kept]
    # graph: edges (to, length, {mode: km/h or (direction, crossing)}, label for the breakdown, way name or None)
    adj = {}
    def add(a, b, length, kph_by_mode, label, name):
        adj.setdefault(a, []).append((b, length, kph_by_mode, label, name))
    def speeds(info, ok_dir):
        sp = {}
        if info['car'] and ok_dir: sp['pov'] = info['kph']; sp['bus'] = min(info['kph'], CAP['bus'])
        if info['truck'] and ok_dir: sp['truck'] = min(info['kph'], CAP['truck'])
        if info['cls'] == 'footway': sp['pedestrian'] = 5.0
        elif info['car'] and ok_dir: sp['pedestrian'] = info['kph']
        return sp
    carnodes = set()
    for i, (a, b, info) in enumerate(segs):
        if i in removed or find(a) not in kept: continue
        length = geodesic(coords[a], coords[b])
        for u, v, dirn in ((a, b, 1), (b, a, -1)):
            add(u, v, length, speeds(info, info['oneway'] in (0, dirn)), info['name'], info['name'])
        if info['car']: carnodes.update((a, b))
    approach = {}
    for cid, (mx, us, modes, i, P) in cross_ends.items():
        info = segs[i][2]                      # the approach roads: the line's class, speed and access, two-way
        pm, pu = 'P-MX:' + cid, 'P-US:' + cid  # P, split so that only the crossing's modes get through
        coords[pm] = coords[pu] = P
        lm, lu = geodesic(coords[mx], P), geodesic(P, coords[us]); approach[cid] = (lm, lu)
        sp = speeds(info, True)
        for u, v, l, lab in ((mx, pm, lm, 'A-P'), (pu, us, lu, 'P-B')):
            add(u, v, l, sp, '%s (approach %s)' % (info['name'], lab), info['name'])
            add(v, u, l, sp, '%s (approach %s)' % (info['name'], lab), info['name'])
        if cid in closed: continue
        add(pm, pu, 0.0, {m: ('N', cid) for m in modes}, '[%s] inspection' % cid, None)
        add(pu, pm, 0.0, {m: ('S', cid) for m in modes}, '[%s] inspection' % cid, None)
    snaps = {}
    for pl in places:
        p = tuple(pl['geometry']['coordinates']); want = 'MX' if pl['properties']['country'] == 'MX' else 'US'
        n = min((x for x in carnodes if country[find(x)] == want), key=lambda x: geodesic(p, coords[x]), default=None)
        if n is None: continue
        d = geodesic(p, coords[n]); snaps[pl['id']] = (n, d)
        cn = 'connector to ' + pl['properties']['name']
        add(pl['id'], n, d, {m: 30.0 for m in PROFILE}, cn, cn); add(n, pl['id'], d, {m: 30.0 for m in PROFILE}, cn, cn)
    return dict(adj=adj, matched=matched, segs=segs, cross_ends=cross_ends, dropped=dropped, snaps=snaps, coords=coords,
                approach=approach)

def route(g, mode, src, dst):
    """-> dict(time, length, crossings [(id, direction)], names (way names, consecutive repeats collapsed),
    parts [[label, m, s]] (the breakdown)) or None."""
    best = {src: 0.0}; prev = {}; heap = [(0.0, src)]
    while heap:
        t, u = heapq.heappop(heap)
        if u == dst: break
        if t > best[u]: continue
        for v, length, sp, label, name in g['adj'].get(u, []):
            if mode not in sp: continue
            s = sp[mode]
            dt = INSPECTION[(mode, s[0])] if isinstance(s, tuple) else length / (s / 3.6)
            if t + dt < best.get(v, math.inf):
                best[v] = t + dt; prev[v] = (u, length, label, name, dt, s if isinstance(s, tuple) else None)
                heapq.heappush(heap, (t + dt, v))
    if dst not in best: return None
    steps, n = [], dst
    while n != src: steps.insert(0, prev[n]); n = prev[n][0]
    parts, names, crossings = [], [], []
    for u, l, label, name, dt, cr in steps:
        if parts and parts[-1][0] == label: parts[-1][1] += l; parts[-1][2] += dt
        else: parts.append([label, l, dt])
        if name is not None and (not names or names[-1] != name): names.append(name)
        if cr is not None: crossings.append((cr[1], cr[0]))
    for cid, d in crossings:  # the crossing's own modes decide who crosses (every mode, every crossing)
        assert mode in g['cross_ends'][cid][2], (mode, cid)
    return dict(time=best[dst], length=sum(x[1] for x in parts), crossings=crossings, names=names, parts=parts)

def show(title, r, out=None, key=None):
    if r is None:
        print('%s\n  no route' % title)
        if out is not None: out[key] = None
        return
    cr = ', '.join('%s (%s)' % (c, {'N': 'northbound', 'S': 'southbound'}[d]) for c, d in r['crossings']) or 'none'
    print('%s\n  %.1f m, %.1f s  crossing: %s\n  ways: %s' % (title, r['length'], r['time'], cr, ' > '.join(r['names'])))
    for n, nl, nt in r['parts']: print('      %-42s %8.1f m %8.1f s' % (n, nl, nt))
    if out is not None:
        out[key] = (round(r['length'], 1), round(r['time'], 1), tuple(r['crossings']), tuple(r['names']),
                    tuple((n, round(l, 1), round(t, 1)) for n, l, t in r['parts']))

def report(label, coords, lines, generic, e1, e2):
    g = build(coords, lines, generic); out = {}
    print('=' * 20, label, '=' * 20)
    print('nodes %d, lines %d, road segments %d' % (len(coords), len(lines), len(g['segs'])))
    for cid, (i, d, c) in g['matched'].items():
        s = g['segs'][i]; lm, lu = g['approach'][cid]
        print('crossing %-20s -> %-18s segment %s-%s (%.1f m from the point); approach roads A-P %.1f m, P-B %.1f m, modes %s'
              % (cid, s[2]['name'], s[0], s[1], d, lm, lu, '/'.join(c['properties']['modes'])))
    bl = json.load(open(os.path.join(GEO, 'boundary.geojson')))['features'][0]['geometry']['coordinates']
    south = lambda n: coords[n][1] < boundary_lat(coords[n][0], bl)
    print('lines crossing the boundary:', sorted({t.get('name') for t, r in lines for a, b in zip(r, r[1:]) if south(a) != south(b)}))
    print('dropped parts (node ids):', g['dropped'])
    for pid, (n, d) in g['snaps'].items(): print('place %s -> node %s, connector %.1f m (%.1f s)' % (pid, n, d, d / (30 / 3.6)))
    S, A = 'nogales-son', 'nogales-az'
    dc = build(coords, lines, generic, closed={'nogales-deconcini'})
    show('(i)   pov nogales-son -> nogales-az', route(g, 'pov', S, A), out, 'i')
    show('      (if DeConcini were closed) pov nogales-son -> nogales-az', route(dc, 'pov', S, A), out, 'i-dc')
    show('(ii)  pov nogales-az -> nogales-son', route(g, 'pov', A, S), out, 'ii')
    show('      (if one-way were ignored) pov nogales-az -> nogales-son',
         route(build(coords, lines, generic, honour_oneway=False), 'pov', A, S), out, 'ii-oneway')
    show('(iii) truck nogales-son -> nogales-az', route(g, 'truck', S, A), out, 'iii')
    show('      (if the I-19 bridge were joined to Crawford Street) truck nogales-son -> nogales-az',
         route(build(coords, lines, generic, join_bridge=True), 'truck', S, A), out, 'iii-bridge')
    show('(iv)  pov ferry landing E1 -> E2 (node to node)', route(g, 'pov', e1, e2), out, 'iv-a')
    show('      truck ferry landing E1 -> E2 (node to node)', route(g, 'truck', e1, e2), out, 'iv-b')
    nohgv = build(coords, lines, generic, honour_hgv=False)
    show('      (if hgv=no were ignored) truck E1 -> E2', route(nohgv, 'truck', e1, e2), out, 'iv-b-hgv')
    show('      (if hgv=no were ignored) truck nogales-son -> nogales-az', route(nohgv, 'truck', S, A), out, 'iii-hgv')
    show('(v)   pedestrian nogales-son -> nogales-az', route(g, 'pedestrian', S, A), out, 'v')
    show('(vi)  pedestrian nogales-son -> nogales-az, nogales-deconcini closed', route(dc, 'pedestrian', S, A), out, 'vi')
    show('(vii) bus nogales-son -> nogales-az', route(g, 'bus', S, A), out, 'vii')
    show('      pedestrian nogales-az -> nogales-son', route(g, 'pedestrian', A, S), out, 'ped-s')
    show('      bus nogales-az -> nogales-son', route(g, 'bus', A, S), out, 'bus-s')
    show('      truck nogales-az -> nogales-son', route(g, 'truck', A, S), out, 'truck-s')
    for k, m in (('i', 'pov'), ('vii', 'bus')):
        print('ferry: %s nogales-son -> nogales-az %s the Lake ferry' % (m, 'USES' if 'Lake ferry' in out[k][3] else 'does not use'))
    return out

if __name__ == '__main__':
    c, l = read_osm(os.path.join(HERE, 'nogales.osm'))
    o1 = report('nogales.osm', c, l, False, '10', '11')
    c, l = read_lines(os.path.join(HERE, 'nogales-lines.geojson'))
    k = lambda lon, lat: '%.7f,%.7f' % (lon, lat)
    o2 = report('nogales-lines.geojson (as nogales.gpkg)', c, l, True, k(-110.9540, 31.3110), k(-110.9565, 31.3115))
    diff = [key for key in o1 if o1[key] != o2.get(key)]
    print('OSM and lines answers identical (crossing, way names, breakdown, length, time) for %d routes: %s'
          % (len(o1), 'YES' if not diff and set(o1) == set(o2) else 'NO, differ: %s' % diff))
    c, l = read_lines(os.path.join(HERE, 'nogales-lines.geojson'), split=False)
    g = build(c, l, True)
    print('(if T-junctions were not split) dropped parts:', len(g['dropped']))
    show('      (if T-junctions were not split) pedestrian nogales-son -> nogales-az', route(g, 'pedestrian', 'nogales-son', 'nogales-az'))
    show('      (if T-junctions were not split) (vi) pedestrian nogales-son -> nogales-az, nogales-deconcini closed',
         route(build(c, l, True, closed={'nogales-deconcini'}), 'pedestrian', 'nogales-son', 'nogales-az'))
    print('=' * 20, 'broken/', '=' * 20)
    c, l = read_lines(os.path.join(HERE, 'broken', 'far-away.geojson'))
    for bbox in (BBOX, None):
        g = build(c, l, True, bbox=bbox)
        print('far-away.geojson, bbox %s: %d road segments, %d crossings matched' % (bbox, len(g['segs']), len(g['matched'])))
    c, l = read_osm(os.path.join(HERE, 'broken', 'one-side-cut.osm'))
    try: build(c, l, False); print('one-side-cut.osm: no error (unexpected)')
    except SystemExit as e: print('one-side-cut.osm:', e)
