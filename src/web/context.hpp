#pragma once
// What every handler may use: the store (one connection, so one handler at a time uses it
// until issue 3 gives each worker its own reader) and the parsed templates.
#include <mutex>

#include "store/store.hpp"
#include "web/templates.hpp"

namespace jz::web {

struct Context {
  store::Store& store;
  std::mutex store_mutex;
  Templates templates;
};

}  // namespace jz::web
