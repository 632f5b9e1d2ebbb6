<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <rules key="root">
      <rule key="low" symbol="0" label="confidence under 0.5: check" filter="coalesce(&quot;confidence&quot;, 1) &lt; 0.5"/>
      <rule key="country" symbol="1" label="country" filter="&quot;kind&quot; = 'country' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="admin1" symbol="2" label="admin1" filter="&quot;kind&quot; = 'admin1' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="admin2" symbol="3" label="admin2" filter="&quot;kind&quot; = 'admin2' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="place" symbol="4" label="place" filter="&quot;kind&quot; = 'place' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="region" symbol="5" label="region" filter="&quot;kind&quot; = 'region' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="water" symbol="6" label="water" filter="&quot;kind&quot; = 'water' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="landform" symbol="7" label="landform" filter="&quot;kind&quot; = 'landform' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="landmark" symbol="8" label="landmark" filter="&quot;kind&quot; = 'landmark' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="coordinate" symbol="9" label="coordinate" filter="&quot;kind&quot; = 'coordinate' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="offset" symbol="10" label="offset" filter="&quot;kind&quot; = 'offset' AND coalesce(&quot;confidence&quot;, 1) &gt;= 0.5"/>
      <rule key="other" symbol="11" label="other" filter="ELSE"/>
    </rules>
    <symbols>
      <symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="150,150,150,0"/>
          <prop k="outline_color" v="110,110,110,255"/>
          <prop k="outline_style" v="dash"/>
          <prop k="outline_width" v="0.5"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.4"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="31,120,180,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="3.6"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="51,160,44,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="3.0"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="106,190,80,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.6"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="227,26,28,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.4"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="255,127,0,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="3.0"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="90,160,210,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.4"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="177,89,40,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.4"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="106,61,154,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.4"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="0,0,0,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.0"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="10" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="200,0,120,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.4"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
      <symbol type="marker" name="11" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
          <prop k="name" v="circle"/>
          <prop k="color" v="128,128,128,255"/>
          <prop k="outline_color" v="35,35,35,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="size" v="2.2"/>
          <prop k="size_unit" v="MM"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="name" isExpression="0" fontFamily="Sans Serif" namedStyle="Regular" fontSize="9" fontSizeUnit="Point" fontWeight="50" fontItalic="0" fontUnderline="0" fontStrikeout="0" fontCapitals="0" fontLetterSpacing="0" fontWordSpacing="0" textColor="30,30,30,255" textOpacity="1" multilineHeight="1" blendMode="0" previewBkgrdColor="255,255,255,255" useSubstitutions="0">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.85" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0"/>
      </text-style>
      <text-format wrapChar="" multilineAlign="3" formatNumbers="0" decimals="3" plussign="0" addDirectionSymbol="0" leftDirectionSymbol="&lt;" rightDirectionSymbol="&gt;" reverseDirectionSymbol="0" placeDirectionSymbol="0"/>
      <placement placement="6" placementFlags="10" dist="1" distUnits="MM" centroidInside="1" centroidWhole="0" fitInPolygonOnly="0" priority="5" offsetType="0" quadOffset="4" xOffset="0" yOffset="0" rotationAngle="0" preserveRotation="1" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" repeatDistance="0" repeatDistanceUnits="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR"/>
      <rendering drawLabels="1" obstacle="1" obstacleFactor="1" obstacleType="0" displayAll="0" upsidedownLabels="0" labelPerPart="0" mergeLines="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" scaleVisibility="0" scaleMin="0" scaleMax="0" fontLimitPixelSize="0" fontMinPixelSize="3" fontMaxPixelSize="10000" zIndex="0"/>
    </settings>
  </labeling>
  <layerGeometryType>0</layerGeometryType>
</qgis>
