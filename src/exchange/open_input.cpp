#include <filesystem>
#include <system_error>

#include "exchange/record_sink.hpp"

namespace jz::exchange {

Result<std::ifstream> open_input(const std::string& path, std::uint64_t* size) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::invalid(path + ": is a folder; name the file to import");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path + ": cannot open the file (does it exist?)");
  *size = std::filesystem::file_size(path, ec);
  if (ec) *size = 0;
  return in;
}

}  // namespace jz::exchange
