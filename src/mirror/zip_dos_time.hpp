#pragma once
// libarchive writes each ZIP entry's DOS date and time from the local time zone of the
// machine (the exact time is also in an extended-timestamp field, in UTC). A bundle must be
// the same bytes wherever it is made, so write_bundle sets every DOS date and time to the
// mirror's time in UTC afterwards, in the local headers and the central directory.
#include "core/status.hpp"

namespace jz::mirror {

// `fd` is an open, finished ZIP file (read and write); `utc` seconds since 1970.
Status set_zip_dos_times(int fd, long long utc);

}  // namespace jz::mirror
