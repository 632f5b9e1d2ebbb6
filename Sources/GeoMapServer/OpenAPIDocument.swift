/// `GET /openapi.json`: the OpenAPI 3.1 description of every route, parameter, body and
/// response. The tests check it against `GeoMapServer.routes` and against the server's answers;
/// `Scripts/schemathesis-serve` fuzzes the server from it. Record schemas name the members the
/// clients rely on and allow more, so that the records can grow without breaking the document.
enum OpenAPIDocument {
    static let bytes = Array(text.utf8)

    static let text = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "GeoMap",
    "version": "1",
    "description": "Geoparse news articles against GeoMap's bundled gazetteer: the places they mention, resolved, with distances, neighbours and GeoJSON layers. The records are those of the geomap CLI (extract --format json, lookup/distance/near --format json, geojson --merge). Errors are {\"error\": \"one line\", ...}."
  },
  "servers": [{"url": "http://127.0.0.1:8080"}],
  "paths": {
    "/healthz": {
      "get": {
        "operationId": "health",
        "summary": "Liveness, with the versions of GeoMap and its gazetteer.",
        "responses": {
          "200": {"description": "The server is up.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}}
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document.",
        "responses": {
          "200": {"description": "The OpenAPI 3.1 document.", "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "paths"]}}}}
        }
      }
    },
    "/v1/extract": {
      "post": {
        "operationId": "extract",
        "summary": "The places each document mentions: the record extract --format json writes for one document, or for a batch the array it writes.",
        "requestBody": {"$ref": "#/components/requestBodies/Documents"},
        "responses": {
          "200": {
            "description": "One record for {\"text\": ...}; an array of records, in order, for {\"documents\": [...]}.",
            "content": {"application/json": {"schema": {"oneOf": [
              {"$ref": "#/components/schemas/Record"},
              {"type": "array", "items": {"$ref": "#/components/schemas/Record"}}
            ]}}}
          },
          "400": {"$ref": "#/components/responses/Error"},
          "408": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Busy"}
        }
      }
    },
    "/v1/geojson": {
      "post": {
        "operationId": "geojson",
        "summary": "One GeoJSON layer of the places the posted documents mention, as geojson --merge writes it (an empty FeatureCollection when there are none).",
        "parameters": [
          {"name": "layer", "in": "query", "required": false, "description": "places: a point per distinct place; areas: the polygons of the countries, provinces and regions; mentions: a point per mention.", "schema": {"type": "string", "enum": ["places", "areas", "mentions"], "default": "places"}}
        ],
        "requestBody": {"$ref": "#/components/requestBodies/Documents"},
        "responses": {
          "200": {"description": "An RFC 7946 FeatureCollection.", "content": {"application/geo+json": {"schema": {"$ref": "#/components/schemas/FeatureCollection"}}, "application/json": {"schema": {"$ref": "#/components/schemas/FeatureCollection"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "408": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Busy"}
        }
      }
    },
    "/v1/lookup": {
      "get": {
        "operationId": "lookup",
        "summary": "The gazetteer entries a name may refer to, best first (lookup --format json).",
        "parameters": [
          {"$ref": "#/components/parameters/Name"},
          {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 10}},
          {"name": "kind", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/PlaceKind"}},
          {"name": "country", "in": "query", "required": false, "description": "ISO 3166-1 alpha-2 code.", "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"}}
        ],
        "responses": {
          "200": {"description": "The entries.", "content": {"application/json": {"schema": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Entry"}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/NoPlace"},
          "503": {"$ref": "#/components/responses/Busy"}
        }
      }
    },
    "/v1/distance": {
      "get": {
        "operationId": "distance",
        "summary": "The geodesic shortest distance between two places, every reading of each name measured (distance --format json).",
        "parameters": [
          {"name": "a", "in": "query", "required": true, "schema": {"$ref": "#/components/schemas/PlaceName"}},
          {"name": "b", "in": "query", "required": true, "schema": {"$ref": "#/components/schemas/PlaceName"}},
          {"name": "a_kind", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/PlaceKind"}},
          {"name": "b_kind", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/PlaceKind"}}
        ],
        "responses": {
          "200": {"description": "The readings and distances.", "content": {"application/json": {"schema": {"type": "object"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/NoPlace"},
          "503": {"$ref": "#/components/responses/Busy"}
        }
      }
    },
    "/v1/near": {
      "get": {
        "operationId": "near",
        "summary": "The gazetteer places within km of a place, nearest first (near --format json).",
        "parameters": [
          {"$ref": "#/components/parameters/Name"},
          {"name": "km", "in": "query", "required": true, "schema": {"type": "number", "exclusiveMinimum": 0, "maximum": 20100}},
          {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 20}},
          {"name": "kind", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/PlaceKind"}}
        ],
        "responses": {
          "200": {"description": "The origin and its neighbours.", "content": {"application/json": {"schema": {"type": "object"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/NoPlace"},
          "503": {"$ref": "#/components/responses/Busy"}
        }
      }
    }
  },
  "components": {
    "parameters": {
      "Name": {"name": "name", "in": "query", "required": true, "description": "A place name; case, accents and apostrophes do not matter.", "schema": {"$ref": "#/components/schemas/PlaceName"}}
    },
    "requestBodies": {
      "Documents": {
        "required": true,
        "description": "One document, or a batch of documents (at most --max-documents, default 1000). The body is at most --max-body bytes (default 10 MB).",
        "content": {"application/json": {"schema": {"oneOf": [
          {"$ref": "#/components/schemas/Document"},
          {"type": "object", "required": ["documents"], "not": {"required": ["text"]}, "properties": {
            "documents": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Document"}},
            "kinds": {"$ref": "#/components/schemas/Kinds"}
          }}
        ]}}}
      }
    },
    "responses": {
      "Error": {"description": "A bad request (or a server that cannot answer it).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NoPlace": {"description": "No gazetteer entry has the name; suggestions as lookup gives them.", "content": {"application/json": {"schema": {"allOf": [
        {"$ref": "#/components/schemas/Error"},
        {"type": "object", "required": ["suggestions"], "properties": {"suggestions": {"type": "array", "items": {"type": "string"}}}}
      ]}}}},
      "Busy": {
        "description": "More requests in flight than --max-inflight; retry after the seconds in Retry-After.",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      }
    },
    "schemas": {
      "PlaceName": {"type": "string", "minLength": 1, "maxLength": 1000, "pattern": "\\S"},
      "PlaceKind": {"type": "string", "enum": ["country", "admin1", "admin2", "place", "region", "water", "landform", "landmark"]},
      "Kinds": {"type": "array", "minItems": 1, "items": {"type": "string", "enum": ["place", "places", "demonym", "demonyms"]}},
      "Document": {
        "type": "object",
        "required": ["text"],
        "description": "A text to geoparse. Members other than id, text and kinds are copied into its record (where the record has no member of that name).",
        "properties": {
          "text": {"type": "string"},
          "id": {"description": "The record's id; without one, or with an empty one, a document is named -:N, N its place in the request from 1 (as geomap extract - names line N of JSON Lines). Ids may repeat in a batch: its records come in the documents' order.", "type": ["string", "number"]},
          "kinds": {"$ref": "#/components/schemas/Kinds"}
        },
        "additionalProperties": true
      },
      "Record": {
        "type": "object",
        "required": ["id", "mentions"],
        "properties": {
          "id": {"type": "string"},
          "mentions": {"type": "array", "items": {"type": "object", "required": ["text", "start", "end", "kind"], "properties": {
            "text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}, "kind": {"type": "string"}
          }}},
          "places": {"type": "array", "items": {"type": "object"}},
          "focus": {"type": "array", "items": {"type": "object"}}
        }
      },
      "Entry": {
        "type": "object",
        "required": ["id", "name", "kind", "lat", "lon"],
        "properties": {
          "id": {"type": "integer"}, "name": {"type": "string"}, "kind": {"$ref": "#/components/schemas/PlaceKind"},
          "country": {"type": ["string", "null"]}, "lat": {"type": "number"}, "lon": {"type": "number"},
          "radius_km": {"type": "number", "exclusiveMinimum": 0, "description": "Only on a place whose point is approximate (a settlement known only by its hromada, placed at its centre): how far from the point it may lie."},
          "source": {"const": "user", "description": "Only on the analyst's own places (geomap serve --places FILE): the entry comes from their GeoJSON, not the bundled gazetteer."},
          "user_id": {"type": "string", "description": "Only on the analyst's own places: the id they gave it (the feature's id, properties.id, or FILE:N, N counted from 1)."}
        }
      },
      "FeatureCollection": {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
          "type": {"const": "FeatureCollection"},
          "name": {"type": "string"},
          "features": {"type": "array", "items": {"type": "object", "required": ["type", "geometry", "properties"], "properties": {"type": {"const": "Feature"}}}}
        }
      },
      "Health": {
        "type": "object",
        "required": ["status", "geomap", "gazetteer"],
        "properties": {
          "status": {"const": "ok"},
          "geomap": {"type": "string"},
          "gazetteer": {"type": "object", "required": ["version", "entries"], "properties": {"version": {"type": "string"}, "entries": {"type": "integer"}}},
          "workers": {"type": "integer"},
          "in_flight": {"type": "integer"}
        }
      },
      "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "minLength": 1}}
      }
    }
  }
}
"""#
}
