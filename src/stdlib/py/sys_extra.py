# The Python half of `sys`: version_info, implementation, flags.

class version_info_type(tuple):
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])

    def __repr__(self):
        return 'sys.version_info(major=%d, minor=%d, micro=%d, releaselevel=%r, serial=%d)' % self


version_info = version_info_type((3, 11, 7, 'final', 0))
del version_info_type


class _Impl:
    name = 'aiopy'
    version = version_info
    cache_tag = None


implementation = _Impl()
del _Impl


class _Flags:
    optimize = 0
    debug = 0
    interactive = 0
    dont_write_bytecode = 1


flags = _Flags()
del _Flags
