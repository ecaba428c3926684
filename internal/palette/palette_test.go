package palette

import "testing"

func TestRGB(t *testing.T) {
	r, g, b := RGB("#1f5f8B")
	if r != 0x1f || g != 0x5f || b != 0x8b {
		t.Errorf("RGB = %d %d %d", r, g, b)
	}
}
