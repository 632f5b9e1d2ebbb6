#include "CGeographicLib.h"

#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>
#include <cmath>
#include <cstring>
#include <string>

using GeographicLib::MGRS;
using GeographicLib::UTMUPS;

extern "C" int geomap_mgrs_reverse(const char *reference, double *latitude, double *longitude, int *precision) {
    try {
        int zone = 0, prec = 0;
        bool north = false;
        double x = 0, y = 0;
        MGRS::Reverse(std::string(reference), zone, north, x, y, prec, true);
        if (zone == UTMUPS::INVALID || std::isnan(x) || std::isnan(y)) return 0;
        double lat = 0, lon = 0;
        UTMUPS::Reverse(zone, north, x, y, lat, lon, true);
        *latitude = lat;
        *longitude = lon;
        *precision = prec;
        return 1;
    } catch (...) {
        return 0;
    }
}

extern "C" int geomap_utm_reverse(int zone, int north, double easting, double northing, double *latitude, double *longitude) {
    if (zone < UTMUPS::MINUTMZONE || zone > UTMUPS::MAXUTMZONE) return 0;
    try {
        double lat = 0, lon = 0;
        UTMUPS::Reverse(zone, north != 0, easting, northing, lat, lon, false);
        *latitude = lat;
        *longitude = lon;
        return 1;
    } catch (...) {
        return 0;
    }
}

extern "C" int geomap_mgrs_forward(double latitude, double longitude, int precision, char *buffer, int capacity) {
    try {
        int zone = 0;
        bool north = false;
        double x = 0, y = 0;
        UTMUPS::Forward(latitude, longitude, zone, north, x, y);
        std::string reference;
        MGRS::Forward(zone, north, x, y, latitude, precision, reference);
        if (capacity <= 0 || reference.size() + 1 > static_cast<size_t>(capacity)) return 0;
        std::memcpy(buffer, reference.c_str(), reference.size() + 1);
        return 1;
    } catch (...) {
        return 0;
    }
}
