//go:build unix

package warehouse

import (
	"errors"
	"os"
	"syscall"
)

// noFollow refuses a link in place of the lock file, which would have the run write its PID
// wherever the link points.
const noFollow = syscall.O_NOFOLLOW

// lockFile takes flock's exclusive lock on f without waiting. The lock belongs to the open file,
// so a second open of the same file, even in this process, is refused.
func lockFile(f *os.File) error {
	conn, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var lerr error
	err = conn.Control(func(fd uintptr) {
		for {
			lerr = syscall.Flock(int(fd), syscall.LOCK_EX|syscall.LOCK_NB)
			if lerr != syscall.EINTR {
				break
			}
		}
	})
	if err != nil {
		return err
	}
	if errors.Is(lerr, syscall.EWOULDBLOCK) {
		return errBusy
	}
	return lerr
}

// unlockFile removes the lock file, then releases the lock by closing it: a run that opened the
// file just before sees, once it holds the lock, that the file is gone, and starts again.
func unlockFile(f *os.File, path string) {
	_ = os.Remove(path)
	_ = f.Close()
}

// alive tells whether a process exists (signal 0 checks without sending anything).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
