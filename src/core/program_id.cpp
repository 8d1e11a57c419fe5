#include "core/program_id.hpp"

#include <elf.h>
#include <link.h>

#include <cstring>
#include <fstream>

#include "core/blake2b.hpp"

namespace jz {
namespace {

constexpr std::size_t align4(std::size_t n) {
  return (n + 3) & ~std::size_t{3};
}

// The first object dl_iterate_phdr reports is the program itself; its PT_NOTE segments hold
// the build id the linker wrote (Debian's g++ asks for one).
int find_build_id(dl_phdr_info* info, std::size_t, void* out) {
  auto& id = *static_cast<std::string*>(out);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const auto* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const auto* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, p, sizeof note);
      const char* name = p + sizeof note;
      const char* desc = name + align4(note.n_namesz);
      if (desc + note.n_descsz > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        id = to_hex(std::string_view(desc, note.n_descsz));
        return 1;
      }
      p = desc + align4(note.n_descsz);
    }
  }
  return 1;  // only the program is asked
}

}  // namespace

std::string program_id() {
  std::string id;
  dl_iterate_phdr(find_build_id, &id);
  if (!id.empty()) return id;
  std::ifstream exe("/proc/self/exe", std::ios::binary);
  if (!exe) return "";
  Blake2b h;
  std::string chunk(1 << 20, '\0');
  while (exe.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || exe.gcount() > 0)
    h.update(std::string_view(chunk.data(), static_cast<std::size_t>(exe.gcount())));
  if (exe.bad()) return "";
  return to_hex(h.finish());
}

}  // namespace jz
