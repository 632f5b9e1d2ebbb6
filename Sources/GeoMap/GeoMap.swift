/// GeoMap: offline geographic entity mapping for news text.
public enum GeoMapInfo {
    public static let version = "0.1.0"
}
