package reports

import (
	"database/sql"
	"math"
	"slices"
	"testing"

	"enfance/internal/frfmt"
	"enfance/internal/marts"
)

func nf(x float64) sql.NullFloat64 { return sql.NullFloat64{Float64: x, Valid: true} }

func pctLabel(v float64) string { return frfmt.Percent(v, 0) }

// TestCoverageClasses: five classes of one round step, the last one not empty, every label
// distinct (no « 0 » twice), each value in the class its label says.
func TestCoverageClasses(t *testing.T) {
	tests := []struct {
		top    float64
		labels []string
	}{
		{130, []string{"moins de 25", "25 à moins de 50", "50 à moins de 75", "75 à moins de 100", "100 et plus"}},
		{75.04, []string{"moins de 10", "10 à moins de 20", "20 à moins de 30", "30 à moins de 40", "40 et plus"}},
		{200, []string{"moins de 50", "50 à moins de 100", "100 à moins de 150", "150 à moins de 200", "200 et plus"}},
		{12, []string{"moins de 2,5", "2,5 à moins de 5", "5 à moins de 7,5", "7,5 à moins de 10", "10 et plus"}},
		{0, []string{"moins de 1", "1 à moins de 2", "2 à moins de 3", "3 à moins de 4", "4 et plus"}},
	}
	for _, tt := range tests {
		var labels []string
		for _, c := range coverageClasses(tt.top) {
			labels = append(labels, c.label)
		}
		if !slices.Equal(labels, tt.labels) {
			t.Errorf("classes of %v = %q, want %q", tt.top, labels, tt.labels)
		}
		seen := map[string]bool{}
		for _, l := range labels {
			if seen[l] {
				t.Errorf("classes of %v print %q twice", tt.top, l)
			}
			seen[l] = true
		}
	}
	classes := coverageClasses(130)
	for _, tt := range []struct {
		v    float64
		want string
	}{{0, "moins de 25"}, {24.9, "moins de 25"}, {25, "25 à moins de 50"}, {99.99, "75 à moins de 100"}, {100, "100 et plus"}, {300, "100 et plus"}} {
		if got := classOf(classes, &tt.v).label; got != tt.want {
			t.Errorf("class of %v = %q, want %q", tt.v, got, tt.want)
		}
	}
	if got := classOf(classes, nil).label; got != "sans donnée" {
		t.Errorf("class of no value = %q", got)
	}
	if classes[0].color == classes[1].color || classes[3].color == classes[4].color {
		t.Error("two classes share a colour")
	}
}

// TestNiceAxis: round steps, at most the labels that fit, a top at or above the largest value;
// the brakes chart (60 % at most) no longer ends on a squeezed 70 %.
func TestNiceAxis(t *testing.T) {
	tests := []struct {
		largest float64
		most    int
		percent bool
		want    valueAxis
	}{
		{0.60, 8, true, valueAxis{top: 0.6, step: 0.1, labels: 7}},
		{0.60, 4, true, valueAxis{top: 0.6, step: 0.2, labels: 4}},
		{0.52, 4, true, valueAxis{top: 0.6, step: 0.2, labels: 4}},
		{118, 10, false, valueAxis{top: 120, step: 20, labels: 7}},
		{51, 6, false, valueAxis{top: 60, step: 10, labels: 7}},
		{0.03, 5, true, valueAxis{top: 0.03, step: 0.01, labels: 4}}, // never a step under one point
		{0, 4, false, valueAxis{top: 4, step: 1, labels: 5}},
	}
	for _, tt := range tests {
		got := niceAxis(tt.largest, tt.most, tt.percent)
		if math.Abs(got.top-tt.want.top) > 1e-9 || math.Abs(got.step-tt.want.step) > 1e-9 || got.labels != tt.want.labels {
			t.Errorf("niceAxis(%v, %d) = %+v, want %+v", tt.largest, tt.most, got, tt.want)
		}
		if got.labels-1 > max(tt.most, 1) {
			t.Errorf("niceAxis(%v, %d) has %d steps, more than fit", tt.largest, tt.most, got.labels-1)
		}
	}
	if got := axisLabels(800, 80); got != 5 {
		t.Errorf("axisLabels(800, 80) = %d, want 5 (a label's width between two labels)", got)
	}
	// The brakes chart of the demo: 60 % at most, 180 mm wide. The top leaves room for the label
	// beside the longest bar, and the labels are far enough apart for their widths.
	c := brakesChart([]marts.FreinsLeviers{{Annee: 2025, Libelle: "Temps personnel", Nature: "frein", Part: nf(0.6)},
		{Annee: 2025, Libelle: "Annulations", Nature: "frein", Part: nf(0.24)}}, 2025)
	face, err := chartTypeface()
	if err != nil {
		t.Fatal(err)
	}
	a := c.axis(textWidth(face), func(v float64) string { return pctLabel(v) }, chartFont)
	gap := c.WidthMM * pxPerMM * 0.6 / float64(a.labels-1)
	if a.top < 0.6 || gap < 2*float64(textWidth(face)("100 %", chartFont)) {
		t.Errorf("brakes axis %+v: labels %.0f px apart", a, gap)
	}
}

// TestLabelFitting: a name is written where its box lies inside the commune, smaller when it
// does not fit at full size, and not at all when it never fits; two labels never overlap.
func TestLabelFitting(t *testing.T) {
	square := func(x0, y0, side float32) []pxRing {
		return []pxRing{{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}}}
	}
	p := &projection{width: 1000, height: 1000, shapes: map[string][]pxRing{
		"big":    square(0, 0, 400),
		"medium": square(500, 0, 95),
		"tiny":   square(700, 0, 20),
	}}
	// 10 px a character at any size: « Grande » is 60 px, « Moyennevill » 110 px.
	width := func(s string, size float64) float32 { return float32(len([]rune(s))) * float32(size) / labelPx * 10 }
	names := map[string]string{"big": "Grande", "medium": "Moyennevill", "tiny": "Petite"}
	placed := placeLabels(p, []string{"tiny", "medium", "big"}, names, width)
	got := map[string]float64{}
	for _, l := range placed {
		got[l.text] = l.fontSize
	}
	// Grande fits at full size; Moyennevill (110 px) not in 95 px, but at the smaller size
	// (87,5 px); Petite (48 px at the smaller size) never in 20 px.
	want := map[string]float64{"Grande": labelPx, "Moyennevill": labelSmallPx}
	if len(got) != len(want) || got["Grande"] != want["Grande"] || got["Moyennevill"] != want["Moyennevill"] {
		t.Errorf("labels placed %v, want %v", got, want)
	}
	for _, l := range placed {
		if l.text == "Grande" && (l.box[0] < 0 || l.box[2] > 400 || math.Abs(float64(l.box[0]+l.box[2])/2-200) > 0.5) {
			t.Errorf("Grande is not centred in its commune: %v", l.box)
		}
	}
	// Two communes side by side whose labels would touch: only the larger's is written.
	p2 := &projection{width: 1000, height: 1000, shapes: map[string][]pxRing{
		"a": {{{0, 0}, {300, 0}, {300, 40}, {0, 40}, {0, 0}}},
		"b": {{{0, 40}, {300, 40}, {300, 70}, {0, 70}, {0, 40}}},
	}}
	two := placeLabels(p2, []string{"a", "b"}, map[string]string{"a": "Aaaa", "b": "Bbbb"}, width)
	for i := range two {
		for j := range i {
			if !(two[i].box[2] < two[j].box[0] || two[j].box[2] < two[i].box[0] || two[i].box[3] < two[j].box[1] || two[j].box[3] < two[i].box[1]) {
				t.Errorf("labels %q and %q overlap", two[i].text, two[j].text)
			}
		}
	}
}
