"""Opens a QGIS project the way QGIS does and prints what the tests check, as JSON.

Run with Debian's python3 and python3-qgis: check_project.py PROJECT. Offscreen: no display needed.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsProject, QgsRenderContext  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
report = {"read": project.read(sys.argv[1]), "crs": project.crs().authid(), "layers": {}, "groups": []}
extent = project.viewSettings().defaultViewExtent()
report["extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
for group in project.layerTreeRoot().children():
    report["groups"].append([group.name(), [child.name() for child in group.children()]])
for layer in project.mapLayers().values():
    entry = {"valid": layer.isValid(), "features": layer.featureCount(), "labels": layer.labelsEnabled(),
             "renderer": layer.renderer().type() if layer.renderer() else None, "source": layer.source()}
    renderer = layer.renderer()
    if renderer is not None and layer.isValid():
        # Which legend entry draws each feature: the low-confidence rule, or a kind's.
        context = QgsRenderContext()
        renderer.startRender(context, layer.fields())
        drawn = {}
        for feature in layer.getFeatures():
            keys = renderer.legendKeysForFeature(feature, context)
            labels = sorted(item.label() for item in renderer.legendSymbolItems() if item.ruleKey() in keys)
            confidence = feature["confidence"] if "confidence" in layer.fields().names() else None
            # A missing value is QGIS's NULL QVariant, not None.
            drawn[str(feature.id())] = {"labels": labels,
                                        "confidence": confidence if isinstance(confidence, (int, float)) else None}
        renderer.stopRender(context)
        entry["drawn"] = drawn
    report["layers"][layer.name()] = entry
print(json.dumps(report))
app.exitQgis()
