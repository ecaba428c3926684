package reports

import (
	"math"

	imgcolor "image/color"

	"enfance/internal/frfmt"
	"enfance/internal/palette"
)

// class is one class of the coverage map: the values from lo (included) to hi (excluded; the
// last class has no top), its colour and its label in the legend.
type class struct {
	lo, hi float64 // hi is +Inf for the last class
	label  string
	color  imgcolor.RGBA
}

// mapClasses is how many classes of values the coverage map has (plus « sans donnée »).
const mapClasses = 5

// niceSteps are the steps of classes and axes: 1, 2, 2,5 and 5 times a power of ten.
var niceSteps = []float64{1, 2, 2.5, 5}

// coverageClasses cuts the values into five classes of one round step: the largest step s of
// 1, 2, 2,5 or 5 times a power of ten with 4 s at most the largest value, so that the last class
// (« 4 s et plus ») is not empty and every class label is distinct: « moins de 25 »,
// « 25 à moins de 50 »… « 100 et plus ». Without values (or all under 4) the step is 1.
func coverageClasses(top float64) []class {
	step := 1.0
	if top >= 4 {
		step = niceAtMost(top / (mapClasses - 1))
	}
	out := make([]class, mapClasses)
	for i := range out {
		lo, hi := float64(i)*step, float64(i+1)*step
		v := float64(i) / (mapClasses - 1) * palette.CoverageTop
		c := class{lo: lo, hi: hi, color: scaleColor(&v, palette.CoverageTop)}
		switch i {
		case 0:
			c.label = "moins de " + number(hi)
		case mapClasses - 1:
			c.hi, c.label = math.Inf(1), number(lo)+" et plus"
		default:
			c.label = number(lo) + " à moins de " + number(hi)
		}
		out[i] = c
	}
	return out
}

// noData is the class of a commune without a figure.
var noData = class{label: "sans donnée", color: rgba(palette.NoValue)}

// classOf is the class of a value; nil is « sans donnée ».
func classOf(classes []class, v *float64) class {
	if v == nil {
		return noData
	}
	for _, c := range classes {
		if *v < c.hi {
			return c
		}
	}
	return classes[len(classes)-1]
}

// niceAtMost is the largest 1, 2, 2,5 or 5 times a power of ten not above x (x > 0).
func niceAtMost(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	best := p
	for _, s := range niceSteps {
		if s*p <= x*(1+1e-9) {
			best = s * p
		}
	}
	return best
}

// niceAtLeast is the smallest 1, 2, 2,5 or 5 times a power of ten not below x (x > 0).
func niceAtLeast(x float64, steps []float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, s := range steps {
		if s*p >= x*(1-1e-9) {
			return s * p
		}
	}
	return 10 * p
}

// number writes a bound: whole, or with its decimal.
func number(x float64) string {
	if x == math.Trunc(x) {
		return frfmt.Int(int(x))
	}
	return frfmt.Decimal(x, 1)
}

// scaleColor is the colour of a value between 0 and max on the scale; grey when there is none.
func scaleColor(v *float64, max float64) imgcolor.RGBA {
	if v == nil {
		return rgba(palette.NoValue)
	}
	t := math.Min(math.Max(*v/max, 0), 1) * float64(len(palette.Coverage)-1)
	i := min(int(t), len(palette.Coverage)-2)
	f := t - float64(i)
	r1, g1, b1 := palette.RGB(palette.Coverage[i])
	r2, g2, b2 := palette.RGB(palette.Coverage[i+1])
	mix := func(a, b int) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*f + 0.5) }
	return imgcolor.RGBA{mix(r1, r2), mix(g1, g2), mix(b1, b2), 255}
}

// valueAxis is a value axis from zero: its top, its step and its number of labels. The step is
// the smallest 1, 2 or 5 times a power of ten (for percentages, of points) that needs at most
// most steps to reach the largest value, and the top is the first multiple of the step at or
// above it: labels fall on round values and never more than most+1 of them, so they do not
// overlap when most is chosen from the axis' length (see [axisLabels]).
type valueAxis struct {
	top, step float64
	labels    int
}

func niceAxis(largest float64, most int, percent bool) valueAxis {
	unit := 1.0
	if percent {
		unit = 0.01 // steps of whole points
	}
	most = max(most, 1)
	if largest <= 0 {
		return valueAxis{top: unit * float64(most), step: unit, labels: most + 1}
	}
	step := math.Max(niceAtLeast(largest/float64(most), []float64{1, 2, 5}), unit)
	n := int(math.Ceil(largest/step - 1e-9))
	return valueAxis{top: float64(n) * step, step: step, labels: n + 1}
}

// axisLabels is how many steps fit along an axis of lengthPx pixels when each label takes
// labelPx and two labels keep at least one label's width between them.
func axisLabels(lengthPx, labelPx float64) int {
	return max(1, int(lengthPx/(2*labelPx)))
}
