//go:build windows

package warehouse

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockedByte is the byte LockFileEx locks, past the PID, so that the PID stays readable.
var lockedByte = windows.Overlapped{OffsetHigh: 1}

// noFollow is nothing on Windows, where links need privileges to create.
const noFollow = 0

// lockFile takes LockFileEx's exclusive lock on f without waiting. The lock belongs to the
// handle, so a second open of the same file, even in this process, is refused.
func lockFile(f *os.File) error {
	ol := lockedByte
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errBusy
	}
	return err
}

// unlockFile releases the lock and closes the file, which stays: Windows cannot remove a file
// another run may hold open.
func unlockFile(f *os.File, _ string) {
	ol := lockedByte
	_ = windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
	_ = f.Close()
}

// alive tells whether a process exists and has not exited.
func alive(pid int) bool {
	const stillActive = 259
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, windows.ERROR_ACCESS_DENIED)
	}
	defer windows.CloseHandle(h)
	var code uint32
	return windows.GetExitCodeProcess(h, &code) == nil && code == stillActive
}
