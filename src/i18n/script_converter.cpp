#include "i18n/script_converter.hpp"

#include <opencc/opencc.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <system_error>

#include "core/string_map.hpp"

namespace jz::i18n {
namespace {

// s2tw, not s2t: OpenCC's own standard forms (爲, 羣, 覈) look dated to readers in Taiwan and
// Hong Kong, who write 為, 群, 核. Character forms only: no Taiwan vocabulary (軟件→軟體),
// which Hong Kong readers would not use.
constexpr std::string_view kToTraditional = "s2tw.json";
constexpr std::string_view kToSimplified = OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP;  // t2s.json
constexpr std::string_view kHowToFix =
    ". Install the Debian package libopencc-data, which puts s2tw.json, t2s.json and their "
    "dictionaries in /usr/share/opencc";

// OpenCC reports a missing or broken file by throwing; this is the one place that catches
// it. `config` is a file name OpenCC looks up in its data directory, or a full path.
Result<std::unique_ptr<const opencc::SimpleConverter>> load(const std::string& config) {
  try {
    return std::make_unique<const opencc::SimpleConverter>(config);
  } catch (const std::exception& e) {
    std::string why = e.what();
    while (!why.empty() && why.back() == '.') why.pop_back();
    return Status::io("cannot load the OpenCC configuration " + config + ": " + why +
                      std::string(kHowToFix));
  }
}

// OpenCC's converters only read their dictionaries after construction (its SimpleConverter
// test runs one converter from three threads; issue BYVoid/OpenCC#231 says the same), so
// concurrent Convert calls need no lock.
std::string convert(const opencc::SimpleConverter* converter, std::string_view text) {
  // Nothing in ASCII changes script (English names and titles, numbers): skip OpenCC,
  // which a page would otherwise call for each of them.
  if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; }))
    return std::string(text);
  try {
    return converter->Convert(std::string(text));
  } catch (const std::exception&) {
    return std::string(text);  // not UTF-8: shown as it is rather than failing the page
  }
}

// A page converts the same names and titles again and again (every list, every link to a
// person), and a mirror export renders thousands of pages: short texts are remembered per
// thread and per converter (no lock; the id of a converter is never reused).
constexpr std::size_t kCachedTextBytes = 256;
constexpr std::size_t kCachedTexts = 20000;

struct ThreadCache {
  std::uint64_t converter = 0;
  StringMap<std::string> converted;
};

std::string convert_cached(const opencc::SimpleConverter* converter, std::uint64_t id,
                           std::string_view text) {
  if (text.size() > kCachedTextBytes) return convert(converter, text);
  thread_local ThreadCache caches[2];
  ThreadCache& cache = caches[id & 1];
  if (cache.converter != id || cache.converted.size() >= kCachedTexts) {
    cache.converted.clear();
    cache.converter = id;
  }
  if (auto it = cache.converted.find(text); it != cache.converted.end()) return it->second;
  std::string out = convert(converter, text);
  cache.converted.emplace(std::string(text), out);
  return out;
}

std::atomic<std::uint64_t> next_id{1};

}  // namespace

struct ScriptConverter::Impl {
  std::unique_ptr<const opencc::SimpleConverter> to_traditional;
  std::unique_ptr<const opencc::SimpleConverter> to_simplified;
  // Even for to_traditional, odd for to_simplified: the keys of the threads' caches.
  std::uint64_t id = next_id.fetch_add(1) * 2;
};

ScriptConverter::ScriptConverter(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
ScriptConverter::ScriptConverter(ScriptConverter&&) noexcept = default;
ScriptConverter& ScriptConverter::operator=(ScriptConverter&&) noexcept = default;
ScriptConverter::~ScriptConverter() = default;

Result<ScriptConverter> ScriptConverter::open() {
  auto s2t = load(std::string(kToTraditional));
  if (!s2t) return s2t.status();
  auto t2s = load(std::string(kToSimplified));
  if (!t2s) return t2s.status();
  return ScriptConverter(std::make_unique<const Impl>(Impl{std::move(*s2t), std::move(*t2s)}));
}

Result<ScriptConverter> ScriptConverter::open_in(const std::filesystem::path& config_dir) {
  std::unique_ptr<const opencc::SimpleConverter> converters[2];
  const std::string_view names[2] = {kToTraditional, kToSimplified};
  for (int i = 0; i < 2; ++i) {
    std::filesystem::path file = config_dir / names[i];
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
      return Status::not_found("the OpenCC configuration " + file.string() + " is missing" +
                               std::string(kHowToFix));
    auto loaded = load(file.string());
    if (!loaded) return loaded.status();
    converters[i] = std::move(*loaded);
  }
  return ScriptConverter(
      std::make_unique<const Impl>(Impl{std::move(converters[0]), std::move(converters[1])}));
}

std::string ScriptConverter::to_traditional(std::string_view text) const {
  if (!impl_) throw std::logic_error("ScriptConverter used after it was moved from");
  return convert_cached(impl_->to_traditional.get(), impl_->id, text);
}

std::string ScriptConverter::to_simplified(std::string_view text) const {
  if (!impl_) throw std::logic_error("ScriptConverter used after it was moved from");
  return convert_cached(impl_->to_simplified.get(), impl_->id + 1, text);
}

}  // namespace jz::i18n
