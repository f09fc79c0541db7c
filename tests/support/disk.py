"""What a campus data directory holds for someone with the PC's database key: every page of the encrypted databases,
backup copies and WAL files decrypted — freed pages and old WAL frames included, which SQL never shows.

Searching these bytes for a name proves an erasure left nothing even to whoever holds the key; searching the raw
bytes only proves the encryption. SQLCipher 4's page format, with a raw key and HMAC-SHA256 (`cipher.HMAC`): each page
is AES-256-CBC encrypted, followed by its 16-byte IV and its 32-byte HMAC (48 reserved bytes); page 1 starts with the
file's 16-byte salt.
"""

from __future__ import annotations

import struct
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from gn_desktop.store import cipher

PAGE = 4096
RESERVE = 48  # IV (16) + HMAC-SHA256 (32)
SALT = 16
WAL_HEADER, FRAME_HEADER = 32, 24
WAL_MAGIC = (0x377F0682, 0x377F0683)


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    body = page[SALT : PAGE - RESERVE] if first else page[: PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def _pages(key: bytes, data: bytes) -> bytes:
    pages = [data[i : i + PAGE] for i in range(0, len(data) - len(data) % PAGE, PAGE)]
    return b"".join(_decrypt_page(key, page, first=i == 0) for i, page in enumerate(pages))


def _wal_frames(key: bytes, data: bytes) -> bytes:
    if len(data) < WAL_HEADER or struct.unpack(">I", data[:4])[0] not in WAL_MAGIC:
        return b""
    size = struct.unpack(">I", data[8:12])[0]
    if size != PAGE:
        return b""
    out = []
    for at in range(WAL_HEADER, len(data) - FRAME_HEADER - PAGE + 1, FRAME_HEADER + PAGE):
        (number,) = struct.unpack(">I", data[at : at + 4])
        out.append(_decrypt_page(key, data[at + FRAME_HEADER : at + FRAME_HEADER + PAGE], first=number == 1))
    return b"".join(out)


def readable_bytes(path: Path) -> bytes:
    """What an encrypted database or WAL decrypts to with this PC's database key (its noise left out: random bytes
    hold short "words" by chance), or the bytes of any other file (plain databases included) as they are."""
    data = path.read_bytes()
    key_hex = cipher.database_key()
    if key_hex is None or data.startswith(cipher.SQLITE_HEADER):
        return data
    key = bytes.fromhex(key_hex)
    if path.name.endswith("-wal"):
        frames = _wal_frames(key, data)
        return frames if frames or not data else data
    if len(data) >= PAGE and len(data) % PAGE == 0 and not path.name.endswith("-shm"):
        return _pages(key, data)
    return data
