package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	imgcolor "image/color"
	"image/png"
	"math"
	"sort"
	"sync"

	"github.com/golang/freetype/truetype"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"enfance/internal/marts"
	"enfance/internal/palette"
)

// ring is a closed line of a commune's boundary, in longitude and latitude.
type ring [][2]float64

// rings reads the outer and inner rings of a Polygon or MultiPolygon.
func rings(geojson string) ([]ring, error) {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal([]byte(geojson), &g); err != nil {
		return nil, err
	}
	switch g.Type {
	case "Polygon":
		var p []ring
		return p, json.Unmarshal(g.Coordinates, &p)
	case "MultiPolygon":
		var mp [][]ring
		if err := json.Unmarshal(g.Coordinates, &mp); err != nil {
			return nil, err
		}
		var out []ring
		for _, p := range mp {
			out = append(out, p...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("géométrie %q non prise en charge", g.Type)
}

// pxRing is a ring in pixels of an image.
type pxRing [][2]float32

// territory is the communes' boundaries read once, and projected once for each image width: the
// coverage map and the forty locator maps of the commune pages share it.
type territory struct {
	order                  []string // INSEE codes, in the order of the boundaries
	shapes                 map[string][]ring
	minX, minY, maxX, maxY float64
	kx                     float64 // longitudes shrunk by the cosine of the mean latitude

	mu        sync.Mutex
	projected map[int]*projection
}

// projection is the territory drawn widthPx wide, north up, with a 10-pixel margin.
type projection struct {
	width, height int
	shapes        map[string][]pxRing
	outline       *image.RGBA // the locator maps' base: every commune outlined; read-only once made
}

// territories caches the last territory read: the reports of one run all read the same
// boundaries, so the GeoJSON is parsed once, not once per page.
var territories struct {
	mu  sync.Mutex
	key *marts.CarteCommunes
	n   int
	t   *territory
	err error
}

// territoryOf reads the boundaries, or returns the territory already read from the same slice.
func territoryOf(boundaries []marts.CarteCommunes) (*territory, error) {
	if len(boundaries) == 0 {
		return nil, fmt.Errorf("carte : aucun contour de commune")
	}
	territories.mu.Lock()
	defer territories.mu.Unlock()
	if territories.key == &boundaries[0] && territories.n == len(boundaries) {
		return territories.t, territories.err
	}
	t, err := readTerritory(boundaries)
	territories.key, territories.n, territories.t, territories.err = &boundaries[0], len(boundaries), t, err
	return t, err
}

func readTerritory(boundaries []marts.CarteCommunes) (*territory, error) {
	t := &territory{shapes: map[string][]ring{}, projected: map[int]*projection{},
		minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	for _, b := range boundaries {
		rs, err := rings(b.GeoJSON)
		if err != nil {
			return nil, fmt.Errorf("carte : commune %s : %w", b.Insee, err)
		}
		t.order = append(t.order, b.Insee)
		t.shapes[b.Insee] = rs
		for _, r := range rs {
			for _, p := range r {
				t.minX, t.maxX = math.Min(t.minX, p[0]), math.Max(t.maxX, p[0])
				t.minY, t.maxY = math.Min(t.minY, p[1]), math.Max(t.maxY, p[1])
			}
		}
	}
	t.kx = math.Cos((t.minY + t.maxY) / 2 * math.Pi / 180)
	return t, nil
}

// at projects the territory widthPx wide, once per width.
func (t *territory) at(widthPx int) *projection {
	t.mu.Lock()
	defer t.mu.Unlock()
	if p, ok := t.projected[widthPx]; ok {
		return p
	}
	scale := float64(widthPx-20) / ((t.maxX - t.minX) * t.kx)
	p := &projection{width: widthPx, height: int((t.maxY-t.minY)*scale) + 20, shapes: map[string][]pxRing{}}
	for insee, rs := range t.shapes {
		for _, r := range rs {
			pr := make(pxRing, len(r))
			for i, q := range r {
				pr[i] = [2]float32{float32(10 + (q[0]-t.minX)*t.kx*scale), float32(10 + (t.maxY-q[1])*scale)}
			}
			p.shapes[insee] = append(p.shapes[insee], pr)
		}
	}
	t.projected[widthPx] = p
	return p
}

// fill paints the rings of one commune.
func (p *projection) fill(img *image.RGBA, insee string, c imgcolor.RGBA) {
	z := vector.NewRasterizer(p.width, p.height)
	for _, r := range p.shapes[insee] {
		for i, q := range r {
			if i == 0 {
				z.MoveTo(q[0], q[1])
			} else {
				z.LineTo(q[0], q[1])
			}
		}
		z.ClosePath()
	}
	z.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
}

// stroke draws the boundary of one commune.
func (p *projection) stroke(img *image.RGBA, insee string, c imgcolor.RGBA) {
	for _, r := range p.shapes[insee] {
		for i := 1; i < len(r); i++ {
			drawLine(img, r[i-1][0], r[i-1][1], r[i][0], r[i][1], c)
		}
	}
}

func rgba(hex string) imgcolor.RGBA {
	r, g, b := palette.RGB(hex)
	return imgcolor.RGBA{uint8(r), uint8(g), uint8(b), 255}
}

var white = imgcolor.RGBA{255, 255, 255, 255}

// choropleth draws the communes filled with the colour of their class (no value: grey), with
// the names that fit (see [placeLabels]), as a PNG of widthPx pixels.
func choropleth(boundaries []marts.CarteCommunes, names map[string]string, values map[string]*float64, classes []class, widthPx int) ([]byte, error) {
	t, err := territoryOf(boundaries)
	if err != nil {
		return nil, err
	}
	p := t.at(widthPx)
	img := image.NewRGBA(image.Rect(0, 0, p.width, p.height))
	for _, insee := range t.order {
		p.fill(img, insee, classOf(classes, values[insee]).color)
	}
	for _, insee := range t.order { // white borders between communes
		p.stroke(img, insee, white)
	}
	face, err := chartTypeface()
	if err != nil {
		return nil, err
	}
	for _, l := range placeLabels(p, t.order, names, textWidth(face)) {
		drawLabel(img, face, l)
	}
	return encodePNG(img)
}

// locator draws the territory with one commune filled and the others outlined: where the
// commune lies. The outlines are drawn once per width and copied for each commune.
func locator(boundaries []marts.CarteCommunes, insee string, widthPx int) ([]byte, error) {
	t, err := territoryOf(boundaries)
	if err != nil {
		return nil, err
	}
	p := t.at(widthPx)
	t.mu.Lock()
	if p.outline == nil {
		base := image.NewRGBA(image.Rect(0, 0, p.width, p.height))
		for i := range base.Pix {
			base.Pix[i] = 255
		}
		for _, code := range t.order {
			p.fill(base, code, rgba(palette.Zebra))
		}
		for _, code := range t.order {
			p.stroke(base, code, rgba(palette.Muted))
		}
		p.outline = base
	}
	t.mu.Unlock()
	img := image.NewRGBA(p.outline.Rect)
	copy(img.Pix, p.outline.Pix)
	p.fill(img, insee, rgba(palette.Series[0]))
	p.stroke(img, insee, white)
	// A small commune is circled, so that the eye finds it on a map of a few centimetres.
	if r := largest(p.shapes[insee]); r != nil && outerArea(p.shapes[insee]) < float64(p.width*p.width)/200 {
		cx, cy := centroid(r)
		for d := float32(0); d < 3; d++ {
			drawCircle(img, cx, cy, float32(p.width)/18+d, rgba(palette.Series[0]))
		}
	}
	return encodePNG(img)
}

// drawCircle draws a one-pixel circle.
func drawCircle(img *image.RGBA, cx, cy, radius float32, c imgcolor.RGBA) {
	steps := int(2*math.Pi*float64(radius)) + 1
	for s := range steps {
		a := 2 * math.Pi * float64(s) / float64(steps)
		img.SetRGBA(int(cx+radius*float32(math.Cos(a))+0.5), int(cy+radius*float32(math.Sin(a))+0.5), c)
	}
}

func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// drawLine draws a one-pixel line.
func drawLine(img *image.RGBA, x0, y0, x1, y1 float32, c imgcolor.RGBA) {
	steps := int(math.Max(math.Abs(float64(x1-x0)), math.Abs(float64(y1-y0)))) + 1
	for s := 0; s <= steps; s++ {
		t := float32(s) / float32(steps)
		img.SetRGBA(int(x0+(x1-x0)*t+0.5), int(y0+(y1-y0)*t+0.5), c)
	}
}

// Commune names on the coverage map.
//
// The rule: a commune's name is written on one line, centred on the widest stretch inside the
// commune of the horizontal line through its centroid (or of a line up to three label heights
// above or below), when the name's box (its width, and its height above and below that line)
// lies inside the commune; else at a smaller size under the same condition; else not at all (the communes too small for their name are in the CTG
// evaluation's table by commune). Communes are labelled from the largest, and a label whose box
// would touch one already placed is left out, so no two names ever overlap.
const (
	labelPx      = 22.0 // about 6,5 points on the printed map
	labelSmallPx = 17.5 // about 5 points
	labelGapPx   = 2.0  // the least space between two labels
)

// label is a name placed on the map: its baseline's left end and its size.
type label struct {
	text     string
	x, y     float32    // baseline, left
	box      [4]float32 // x0, y0, x1, y1
	fontSize float64
}

// textWidth measures a text at a size in pixels with the documents' font.
func textWidth(f *truetype.Font) func(s string, size float64) float32 {
	return func(s string, size float64) float32 {
		scale := fixed.Int26_6(size * 64)
		var w fixed.Int26_6
		prev, hasPrev := truetype.Index(0), false
		for _, r := range s {
			i := f.Index(r)
			if hasPrev {
				w += f.Kern(scale, prev, i)
			}
			w += f.HMetric(scale, i).AdvanceWidth
			prev, hasPrev = i, true
		}
		return float32(w) / 64
	}
}

// placeLabels chooses the names written on the map and where (see the rule above).
func placeLabels(p *projection, order []string, names map[string]string, width func(string, float64) float32) []label {
	type candidate struct {
		insee string
		area  float64
	}
	var cands []candidate
	for _, insee := range order {
		if names[insee] != "" {
			cands = append(cands, candidate{insee, outerArea(p.shapes[insee])})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].area > cands[j].area })
	var placed []label
	for _, c := range cands {
		for _, size := range []float64{labelPx, labelSmallPx} {
			l, ok := fitLabel(p.shapes[c.insee], names[c.insee], size, width(names[c.insee], size))
			if ok && !overlaps(l, placed) {
				placed = append(placed, l)
				break
			}
		}
	}
	return placed
}

// fitLabel centres a name of width w on the commune's largest ring when its box fits inside:
// on the line through the centroid, else on a line a little above or below (up to three label
// heights away).
func fitLabel(rs []pxRing, name string, size float64, w float32) (label, bool) {
	r := largest(rs)
	if r == nil {
		return label{}, false
	}
	cx, cy := centroid(r)
	h := float32(size) * 0.75 // height of capitals and descent around the middle line
	for _, k := range []float32{0, -1, 1, -2, 2, -3, 3} {
		y := cy + k*h
		x0, x1, ok := widestSpan(rs, y)
		if !ok || x1-x0 < w {
			continue
		}
		mid := (x0 + x1) / 2
		if cx-w/2 >= x0 && cx+w/2 <= x1 { // the centroid's x when the name fits there
			mid = cx
		}
		left, right := mid-w/2, mid+w/2
		if insideSpan(rs, y-h/2, left, right) && insideSpan(rs, y+h/2, left, right) {
			return label{text: name, x: left, y: y + h/2 - float32(size)*0.2, fontSize: size,
				box: [4]float32{left, y - h/2, right, y + h/2}}, true
		}
	}
	return label{}, false
}

func overlaps(l label, placed []label) bool {
	for _, o := range placed {
		if l.box[0] < o.box[2]+labelGapPx && o.box[0] < l.box[2]+labelGapPx &&
			l.box[1] < o.box[3]+labelGapPx && o.box[1] < l.box[3]+labelGapPx {
			return true
		}
	}
	return false
}

// crossings are the x where the horizontal line at y crosses the rings, sorted: inside the
// commune between the first and second, the third and fourth...
func crossings(rs []pxRing, y float32) []float32 {
	var xs []float32
	for _, r := range rs {
		for i := 1; i < len(r); i++ {
			a, b := r[i-1], r[i]
			if (a[1] <= y) != (b[1] <= y) {
				xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	return xs
}

// widestSpan is the widest stretch inside the commune of the line at y.
func widestSpan(rs []pxRing, y float32) (float32, float32, bool) {
	xs := crossings(rs, y)
	var best0, best1 float32
	found := false
	for i := 0; i+1 < len(xs); i += 2 {
		if !found || xs[i+1]-xs[i] > best1-best0 {
			best0, best1, found = xs[i], xs[i+1], true
		}
	}
	return best0, best1, found
}

// insideSpan says whether [x0, x1] at y lies inside the commune.
func insideSpan(rs []pxRing, y, x0, x1 float32) bool {
	xs := crossings(rs, y)
	for i := 0; i+1 < len(xs); i += 2 {
		if xs[i] <= x0 && x1 <= xs[i+1] {
			return true
		}
	}
	return false
}

func ringArea(r pxRing) float64 {
	var a float64
	for i := 1; i < len(r); i++ {
		a += float64(r[i-1][0])*float64(r[i][1]) - float64(r[i][0])*float64(r[i-1][1])
	}
	return a / 2
}

// outerArea is the area of the commune's largest ring.
func outerArea(rs []pxRing) float64 {
	if r := largest(rs); r != nil {
		return math.Abs(ringArea(r))
	}
	return 0
}

func largest(rs []pxRing) pxRing {
	var best pxRing
	for _, r := range rs {
		if best == nil || math.Abs(ringArea(r)) > math.Abs(ringArea(best)) {
			best = r
		}
	}
	return best
}

// centroid is the centre of gravity of a ring's surface.
func centroid(r pxRing) (float32, float32) {
	var a, cx, cy float64
	for i := 1; i < len(r); i++ {
		x0, y0, x1, y1 := float64(r[i-1][0]), float64(r[i-1][1]), float64(r[i][0]), float64(r[i][1])
		cross := x0*y1 - x1*y0
		a += cross
		cx += (x0 + x1) * cross
		cy += (y0 + y1) * cross
	}
	if a == 0 {
		return r[0][0], r[0][1]
	}
	return float32(cx / (3 * a)), float32(cy / (3 * a))
}

// drawLabel writes a name in the text colour over a white halo.
func drawLabel(img *image.RGBA, f *truetype.Font, l label) {
	face := truetype.NewFace(f, &truetype.Options{Size: l.fontSize, DPI: 72, Hinting: xfont.HintingFull})
	defer face.Close()
	d := xfont.Drawer{Dst: img, Face: face}
	for _, o := range [][2]float32{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
		d.Src = image.NewUniform(white)
		d.Dot = fixed.Point26_6{X: fixed.Int26_6((l.x + o[0]) * 64), Y: fixed.Int26_6((l.y + o[1]) * 64)}
		d.DrawString(l.text)
	}
	d.Src = image.NewUniform(rgba(palette.Text))
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(l.x * 64), Y: fixed.Int26_6(l.y * 64)}
	d.DrawString(l.text)
}
