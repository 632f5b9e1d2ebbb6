#ifndef GEOMAP_CGEOGRAPHICLIB_H
#define GEOMAP_CGEOGRAPHICLIB_H
// A C API over the few GeographicLib calls GeoMap needs (MGRS and UTM/UPS to latitude and
// longitude), so Swift needs no C++ interoperability. GeographicLib reports bad input with
// C++ exceptions; these functions catch them and return 0.

#ifdef __cplusplus
extern "C" {
#endif

/// Reads an MGRS reference written without spaces ("37UDQ1234567890") and returns 1 with the
/// WGS84 latitude/longitude of the centre of the square it names and `precision`, the number of
/// digits of each of easting and northing (0 to 11; -1 for a bare grid zone), or 0 when
/// GeographicLib rejects it.
int geomap_mgrs_reverse(const char *reference, double *latitude, double *longitude, int *precision);

/// Converts a UTM position (zone 1 to 60, northern hemisphere when `north` is non-zero,
/// easting and northing in metres) to latitude/longitude: 1, or 0 when it is out of range.
int geomap_utm_reverse(int zone, int north, double easting, double northing, double *latitude, double *longitude);

/// Writes the MGRS reference of a point with `precision` digits per axis (0 to 11) into
/// `buffer` as a NUL-terminated string: 1, or 0 when the point or the buffer does not fit.
int geomap_mgrs_forward(double latitude, double longitude, int precision, char *buffer, int capacity);

#ifdef __cplusplus
}
#endif

#endif
