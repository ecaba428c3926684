package main

import "testing"

func TestMebibytes(t *testing.T) {
	tests := []struct {
		size string
		want float64
	}{
		{"4GB", 4e9 / (1 << 20)},
		{"4GiB", 4096},
		{"512 MiB", 512},
		{"1.5TB", 1.5e12 / (1 << 20)},
		{"2048KiB", 2},
	}
	for _, tt := range tests {
		if got, err := mebibytes(tt.size); err != nil || got != tt.want {
			t.Errorf("mebibytes(%q) = %v, %v; want %v", tt.size, got, err, tt.want)
		}
	}
	for _, bad := range []string{"4", "GB", "quatre GB"} {
		if _, err := mebibytes(bad); err == nil {
			t.Errorf("mebibytes(%q): no error", bad)
		}
	}
}
