// bcryptprimitives.dll for Wine 8, tests only. Go's Windows runtime takes its random bytes from
// ProcessPrng in bcryptprimitives.dll, which Windows 10 and later have and Debian 12's Wine does
// not: this one exports ProcessPrng and draws the bytes from RtlGenRandom (SystemFunction036 of
// advapi32), which Wine has. Built by .ci/wine-check into the test prefix only.
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
	while (size > 0) {
		ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, chunk)) {
			return FALSE;
		}
		data += chunk;
		size -= chunk;
	}
	return TRUE;
}
