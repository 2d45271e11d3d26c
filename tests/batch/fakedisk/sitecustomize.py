"""Test-only fault injection: a small, full or read-only "disk" under one folder.

Put this folder on PYTHONPATH and set ANNOTATE_FAKE_DISK=FOLDER:BYTES:ERRNO; every Python
process started then (the CLI, the fork server, its workers) writes under FOLDER as on a
file system that holds BYTES bytes of files (ERRNO ENOSPC or EDQUOT: a write that does not
fit is cut short, the next one fails) or that is read-only (ERRNO EROFS). Writes elsewhere
are untouched. Linux only (/proc/self/fd names a descriptor's file).
"""

from __future__ import annotations

import builtins
import errno
import io
import os

_SPEC = os.environ.get("ANNOTATE_FAKE_DISK")


def _install(root: str, quota: int, code: int) -> None:
    real_open, real_os_open, real_write = builtins.open, os.open, os.write
    real_mkdir, real_unlink = os.mkdir, os.unlink

    def under(path: object) -> bool:
        try:
            name = os.path.realpath(os.fspath(path))
        except TypeError:
            return False
        return name == root or name.startswith(root + os.sep)

    def fd_under(fd: int) -> bool:
        try:
            return under(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            return False

    def failure() -> OSError:
        return OSError(code, os.strerror(code))

    def used() -> int:
        total = 0
        for folder, _dirs, files in os.walk(root):
            for name in files:
                try:
                    total += os.lstat(os.path.join(folder, name)).st_size
                except OSError:
                    pass
        return total

    def write(fd: int, data: bytes) -> int:
        if not fd_under(fd):
            return real_write(fd, data)
        if code == errno.EROFS:
            raise failure()
        room = quota - used()
        if room <= 0:
            raise failure()
        return real_write(fd, bytes(data[:room]))

    class Raw(io.RawIOBase):
        """A file descriptor whose writes go through the fake disk's os.write."""

        def __init__(self, fd: int, closefd: bool = True) -> None:
            self.fd, self.closefd = fd, closefd

        def writable(self) -> bool:
            return True

        def fileno(self) -> int:
            return self.fd

        def write(self, data) -> int:
            return write(self.fd, bytes(data))

        def close(self) -> None:
            if not self.closed and self.closefd:
                os.close(self.fd)
            super().close()

    def wrapped(fd: int, mode: str, encoding=None, errors=None, newline=None, closefd=True):
        buffered = io.BufferedWriter(Raw(fd, closefd))
        if "b" in mode:
            return buffered
        return io.TextIOWrapper(
            buffered, encoding=encoding or "utf-8", errors=errors, newline=newline
        )

    def opened(
        file,
        mode="r",
        buffering=-1,
        encoding=None,
        errors=None,
        newline=None,
        closefd=True,
        opener=None,
    ):
        writing = any(flag in mode for flag in "wax+")
        if writing and (fd_under(file) if isinstance(file, int) else under(file)):
            if not isinstance(file, int):
                flags = {
                    "w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
                    "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                }
                flag = flags.get(mode.strip("bt+")[:1], os.O_WRONLY | os.O_CREAT)
                file = opener(file, flag) if opener else os_open(file, flag, 0o666)
            return wrapped(file, mode, encoding, errors, newline, closefd)
        return real_open(file, mode, buffering, encoding, errors, newline, closefd, opener)

    def fdopen(fd, mode="r", *args, **kwargs):
        return opened(fd, mode, *args, **kwargs)

    def os_open(path, flags, mode=0o777, *, dir_fd=None):
        creating = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if creating and code == errno.EROFS and under(path):
            raise failure()
        return real_os_open(path, flags, mode, dir_fd=dir_fd)

    def mkdir(path, mode=0o777, *, dir_fd=None):
        if code == errno.EROFS and under(path) and not os.path.exists(path):
            raise failure()
        return real_mkdir(path, mode, dir_fd=dir_fd)

    def unlink(path, *, dir_fd=None):
        if code == errno.EROFS and under(path) and os.path.lexists(path):
            raise failure()
        return real_unlink(path, dir_fd=dir_fd)

    builtins.open = io.open = opened
    os.fdopen, os.open, os.write, os.mkdir, os.unlink = fdopen, os_open, write, mkdir, unlink


if _SPEC:
    _root, _quota, _name = _SPEC.rsplit(":", 2)
    _install(os.path.realpath(_root), int(_quota), getattr(errno, _name))
