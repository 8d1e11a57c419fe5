#pragma once
// UTF-8 validation for everything read from outside: a file in GB18030 or MacRoman must be
// refused with the place of the first bad byte, never stored as mojibake.
#include <cstddef>
#include <optional>
#include <string_view>

namespace jz {

// The byte offset of the first invalid UTF-8 sequence, or nothing if the text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);
// How many characters (code points) UTF-8 text holds: the bytes that start one.
std::size_t code_points(std::string_view text);
// The code point that starts at byte `i` of valid UTF-8 text; `i` moves past it. (A sequence
// cut short by the end of the text gives what its bytes hold, never a read past the end.)
char32_t next_code_point(std::string_view text, std::size_t& i);

}  // namespace jz
