package winlink

// #cgo CFLAGS: -O2
import "C"
