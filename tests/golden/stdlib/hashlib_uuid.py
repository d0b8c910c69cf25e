# hashlib (md5/sha1/sha2, update, hmac, pbkdf2_hmac) and uuid (parsing,
# fields, uuid3/uuid5 determinism, uuid4/uuid1 shape).
import hashlib, hmac, uuid
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    print(n, hashlib.new(n, b'hello world').hexdigest())
print(hashlib.sha256(b'').hexdigest(), hashlib.md5(b'a' * 1000).hexdigest(), hashlib.sha1(b'x' * 64).hexdigest())
h = hashlib.sha256(); h.update(b'hello '); h.update(b'world'); print(h.hexdigest(), h.digest_size, h.block_size, h.name)
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.new(b'k' * 100, b'm', hashlib.sha1).hexdigest(), hmac.compare_digest('abc', 'abc'))
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex())
try: hashlib.sha256('text')
except TypeError as e: print(e)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_URL, 'http://x'), repr(uuid.NAMESPACE_DNS))
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, u.hex, u.int, u.bytes, u.fields, u.urn, u.version, u.variant, u.time, u.clock_seq, u.node, u.bytes_le)
u4 = uuid.uuid4(); print(u4.version, len(str(u4)), u4.variant, uuid.uuid1().version, uuid.UUID(int=5) < uuid.UUID(int=6))
try: uuid.UUID('xyz')
except ValueError as e: print(e)
