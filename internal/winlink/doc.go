// Package winlink completes the link of the Windows executable, and does nothing on other
// systems. It reads and writes nothing.
//
// DuckDB's Windows libraries are built with a C++ runtime whose std::basic_streambuf<char>
// has a seekpos member that MinGW-w64's libstdc++ (Debian's cross compiler) does not export
// with the same signature: its mbstate type differs. Only DuckDB's HTTP client, which never
// runs here (extensions are off, nothing is downloaded), refers to it. seekpos_windows.c
// defines that one symbol with the base class's documented behaviour, failure (position −1),
// so that the executable links. cmd/enfance imports this package for its side effect.
package winlink
