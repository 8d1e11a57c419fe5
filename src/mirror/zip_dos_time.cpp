#include "mirror/zip_dos_time.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace jz::mirror {

namespace {

std::uint64_t le(const unsigned char* p, int n) {
  std::uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

void put_le16(unsigned char* p, unsigned v) {
  p[0] = static_cast<unsigned char>(v & 0xff);
  p[1] = static_cast<unsigned char>(v >> 8);
}

bool read_at(int fd, std::uint64_t at, void* buf, std::size_t n) {
  return ::pread(fd, buf, n, static_cast<off_t>(at)) == static_cast<ssize_t>(n);
}

bool write_at(int fd, std::uint64_t at, const void* buf, std::size_t n) {
  return ::pwrite(fd, buf, n, static_cast<off_t>(at)) == static_cast<ssize_t>(n);
}

// DOS time and date fields (4 bytes, little-endian time then date) of `utc`; 1980 at least.
void dos_time(long long utc, unsigned char out[4]) {
  using namespace std::chrono;
  const sys_seconds t{seconds(std::max(utc, 315532800LL))};  // 1980-01-01
  const auto day = floor<days>(t);
  const year_month_day ymd(day);
  const hh_mm_ss hms(t - day);
  put_le16(out, static_cast<unsigned>(hms.hours().count() << 11 | hms.minutes().count() << 5 |
                                      hms.seconds().count() / 2));
  put_le16(out + 2, static_cast<unsigned>((static_cast<int>(ymd.year()) - 1980) << 9 |
                                          static_cast<unsigned>(ymd.month()) << 5 |
                                          static_cast<unsigned>(ymd.day())));
}

Status damaged(const char* what) {
  return Status::internal(std::string("bundle: unexpected ZIP layout (") + what + ")");
}

}  // namespace

Status set_zip_dos_times(int fd, long long utc) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < 22) return damaged("too short");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  unsigned char eocd[22];
  if (!read_at(fd, size - 22, eocd, 22) || le(eocd, 4) != 0x06054b50)
    return damaged("no end record");
  std::uint64_t entries = le(eocd + 10, 2), cd_size = le(eocd + 12, 4), cd_at = le(eocd + 16, 4);
  unsigned char loc[20];
  if (size >= 42 && read_at(fd, size - 42, loc, 20) && le(loc, 4) == 0x07064b50) {
    unsigned char z[56];
    if (!read_at(fd, le(loc + 8, 8), z, 56) || le(z, 4) != 0x06064b50)
      return damaged("no zip64 end record");
    entries = le(z + 32, 8), cd_size = le(z + 40, 8), cd_at = le(z + 48, 8);
  }
  std::vector<unsigned char> cd(cd_size);
  if (cd_at + cd_size > size || !read_at(fd, cd_at, cd.data(), cd.size()))
    return damaged("central directory");
  unsigned char stamp[4];
  dos_time(utc, stamp);
  std::size_t p = 0;
  for (std::uint64_t i = 0; i < entries; ++i) {
    if (p + 46 > cd.size() || le(&cd[p], 4) != 0x02014b50) return damaged("directory entry");
    const std::size_t name = le(&cd[p + 28], 2), extra = le(&cd[p + 30], 2),
                      comment = le(&cd[p + 32], 2);
    if (p + 46 + name + extra + comment > cd.size()) return damaged("directory entry size");
    std::copy(stamp, stamp + 4, &cd[p + 12]);
    std::uint64_t local = le(&cd[p + 42], 4);
    if (local == 0xffffffff) {  // the offset is in the zip64 extra field, after the sizes
      std::size_t e = p + 46 + name, end = e + extra;
      bool found = false;
      while (e + 4 <= end) {
        const std::size_t id = le(&cd[e], 2), len = le(&cd[e + 2], 2);
        if (id == 1) {
          std::size_t at = e + 4;
          if (le(&cd[p + 24], 4) == 0xffffffff) at += 8;
          if (le(&cd[p + 20], 4) == 0xffffffff) at += 8;
          if (at + 8 > e + 4 + len) return damaged("zip64 field");
          local = le(&cd[at], 8);
          found = true;
          break;
        }
        e += 4 + len;
      }
      if (!found) return damaged("zip64 offset");
    }
    unsigned char sig[4];
    if (!read_at(fd, local, sig, 4) || le(sig, 4) != 0x04034b50) return damaged("local header");
    if (!write_at(fd, local + 10, stamp, 4)) return Status::io("bundle: cannot write");
    p += 46 + name + extra + comment;
  }
  if (!write_at(fd, cd_at, cd.data(), cd.size())) return Status::io("bundle: cannot write");
  return Status::ok();
}

}  // namespace jz::mirror
