extension LayerBuilder {
    /// The mentions layer of the articles added since the last `reset`, encoded: the bytes
    /// `geojson --mentions` writes to mentions.geojson (a collection with no features when there
    /// were none). Only for a builder without a spool (`spill` nil), which keeps every feature in
    /// memory; it empties the buffer of encoded features.
    public func encodedMentionsLayer() throws -> [UInt8] {
        precondition(spill == nil, "the mentions layer of a spooling builder is in its spool file")
        let bbox = try layers()[.places]?.bbox
        var bytes = GeoJSONFeatureCollection.header(name: MapLayer.mentions.rawValue, bbox: bbox)
        bytes += takeMentionBytes()
        bytes += GeoJSONFeatureCollection.footer
        return bytes
    }
}
