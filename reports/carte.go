package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	imgcolor "image/color"
	"image/png"
	"math"

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

// scaleColor is the colour of a value between 0 and max on the scale; grey when there is none.
func scaleColor(v *float64, max float64) imgcolor.RGBA {
	if v == nil {
		r, g, b := palette.RGB(palette.NoValue)
		return imgcolor.RGBA{uint8(r), uint8(g), uint8(b), 255}
	}
	t := math.Min(math.Max(*v/max, 0), 1) * float64(len(palette.Coverage)-1)
	i := min(int(t), len(palette.Coverage)-2)
	f := t - float64(i)
	r1, g1, b1 := palette.RGB(palette.Coverage[i])
	r2, g2, b2 := palette.RGB(palette.Coverage[i+1])
	mix := func(a, b int) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f + 0.5) }
	return imgcolor.RGBA{mix(r1, r2), mix(g1, g2), mix(b1, b2), 255}
}

// choropleth draws the communes filled by their value (nil: no value), as a PNG of widthPx
// pixels, north up, with longitudes shrunk by the cosine of the mean latitude.
func choropleth(boundaries []marts.Boundary, values map[string]*float64, max float64, widthPx int) ([]byte, error) {
	shapes := map[string][]ring{}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, b := range boundaries {
		rs, err := rings(b.GeoJSON)
		if err != nil {
			return nil, fmt.Errorf("carte : commune %s : %w", b.Insee, err)
		}
		shapes[b.Insee] = rs
		for _, r := range rs {
			for _, p := range r {
				minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
				minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
			}
		}
	}
	if len(shapes) == 0 {
		return nil, fmt.Errorf("carte : aucun contour de commune")
	}
	kx := math.Cos((minY + maxY) / 2 * math.Pi / 180)
	scale := float64(widthPx-20) / ((maxX - minX) * kx)
	heightPx := int((maxY-minY)*scale) + 20
	img := image.NewRGBA(image.Rect(0, 0, widthPx, heightPx))
	toPx := func(p [2]float64) (float32, float32) {
		return float32(10 + (p[0]-minX)*kx*scale), float32(10 + (maxY-p[1])*scale)
	}
	for _, b := range boundaries {
		z := vector.NewRasterizer(widthPx, heightPx)
		for _, r := range shapes[b.Insee] {
			for i, p := range r {
				x, y := toPx(p)
				if i == 0 {
					z.MoveTo(x, y)
				} else {
					z.LineTo(x, y)
				}
			}
			z.ClosePath()
		}
		z.Draw(img, img.Bounds(), image.NewUniform(scaleColor(values[b.Insee], max)), image.Point{})
		for _, r := range shapes[b.Insee] { // white borders between communes
			for i := 1; i < len(r); i++ {
				x0, y0 := toPx(r[i-1])
				x1, y1 := toPx(r[i])
				drawLine(img, x0, y0, x1, y1, imgcolor.RGBA{255, 255, 255, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
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
