// std::basic_streambuf<char>::seekpos(std::fpos<_Mbstatet>, std::_Ios_Openmode), as DuckDB's
// Windows libraries name it: see doc.go. The base class's seekpos does nothing and returns
// pos_type(off_type(-1)); this does the same. The signature follows the GCC x86-64 Windows
// ABI of that member: the returned fpos (16 bytes) through a hidden pointer, then this, the
// position by reference and the mode.
typedef struct {
	long long off;
	int state;
} fpos_mbstate;

fpos_mbstate _ZNSt15basic_streambufIcSt11char_traitsIcEE7seekposESt4fposI9_MbstatetESt13_Ios_Openmode(
	void *self, const fpos_mbstate *pos, int mode) {
	fpos_mbstate failed = {-1, 0};
	(void)self;
	(void)pos;
	(void)mode;
	return failed;
}
