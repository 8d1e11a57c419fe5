#pragma once
// Writes compact JSON straight into a string, without building a tree first: records are
// serialised on every write and export, and a throwaway nlohmann tree cost several times
// more than the SQLite insert it feeds. Commas and nesting are tracked here; callers
// write keys and values in order.
#include <string>
#include <string_view>
#include <vector>

namespace jz {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);  // the next value belongs to this key
  JsonWriter& value(std::string_view s);
  JsonWriter& value(long long n);
  JsonWriter& boolean(bool b);  // not value(bool): "text" would convert to bool first
  JsonWriter& value(double d);  // shortest text that reads back as the same double

  std::string take() { return std::move(out_); }

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void separate();  // a comma before every element but the first
  void quoted(std::string_view s);

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace jz
