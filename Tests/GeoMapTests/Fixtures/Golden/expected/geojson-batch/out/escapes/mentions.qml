<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="0">
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
  <layerGeometryType>0</layerGeometryType>
</qgis>
