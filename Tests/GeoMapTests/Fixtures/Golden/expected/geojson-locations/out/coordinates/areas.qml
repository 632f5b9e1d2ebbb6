<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="0">
  <renderer-v2 type="RuleRenderer" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <rules key="root">
      <rule key="country-outline" symbol="0" label="country (outline)" filter="&quot;kind&quot; = 'country' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="country" symbol="1" label="country" filter="&quot;kind&quot; = 'country' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="admin1-outline" symbol="2" label="admin1 (outline)" filter="&quot;kind&quot; = 'admin1' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="admin1" symbol="3" label="admin1" filter="&quot;kind&quot; = 'admin1' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="admin2-outline" symbol="4" label="admin2 (outline)" filter="&quot;kind&quot; = 'admin2' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="admin2" symbol="5" label="admin2" filter="&quot;kind&quot; = 'admin2' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="place-outline" symbol="6" label="place (outline)" filter="&quot;kind&quot; = 'place' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="place" symbol="7" label="place" filter="&quot;kind&quot; = 'place' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="region-outline" symbol="8" label="region (outline)" filter="&quot;kind&quot; = 'region' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="region" symbol="9" label="region" filter="&quot;kind&quot; = 'region' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="water-outline" symbol="10" label="water (outline)" filter="&quot;kind&quot; = 'water' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="water" symbol="11" label="water" filter="&quot;kind&quot; = 'water' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="landform-outline" symbol="12" label="landform (outline)" filter="&quot;kind&quot; = 'landform' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="landform" symbol="13" label="landform" filter="&quot;kind&quot; = 'landform' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="landmark-outline" symbol="14" label="landmark (outline)" filter="&quot;kind&quot; = 'landmark' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="landmark" symbol="15" label="landmark" filter="&quot;kind&quot; = 'landmark' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="coordinate-outline" symbol="16" label="coordinate (outline)" filter="&quot;kind&quot; = 'coordinate' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="coordinate" symbol="17" label="coordinate" filter="&quot;kind&quot; = 'coordinate' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="offset-outline" symbol="18" label="offset (outline)" filter="&quot;kind&quot; = 'offset' AND (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="offset" symbol="19" label="offset" filter="&quot;kind&quot; = 'offset' AND NOT (&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; 15.0 OR bounds_height($geometry) &gt; 15.0)"/>
      <rule key="other" symbol="20" label="other" filter="ELSE"/>
    </rules>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="31,120,180,0"/>
          <prop k="outline_color" v="31,120,180,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="31,120,180,50"/>
          <prop k="outline_color" v="31,120,180,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="51,160,44,0"/>
          <prop k="outline_color" v="51,160,44,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="51,160,44,50"/>
          <prop k="outline_color" v="51,160,44,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="106,190,80,0"/>
          <prop k="outline_color" v="106,190,80,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="106,190,80,50"/>
          <prop k="outline_color" v="106,190,80,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="227,26,28,0"/>
          <prop k="outline_color" v="227,26,28,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="7" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="227,26,28,50"/>
          <prop k="outline_color" v="227,26,28,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="8" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="255,127,0,0"/>
          <prop k="outline_color" v="255,127,0,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="9" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="255,127,0,50"/>
          <prop k="outline_color" v="255,127,0,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="10" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="90,160,210,0"/>
          <prop k="outline_color" v="90,160,210,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="11" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="90,160,210,50"/>
          <prop k="outline_color" v="90,160,210,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="12" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="177,89,40,0"/>
          <prop k="outline_color" v="177,89,40,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="13" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="177,89,40,50"/>
          <prop k="outline_color" v="177,89,40,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="14" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="106,61,154,0"/>
          <prop k="outline_color" v="106,61,154,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="15" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="106,61,154,50"/>
          <prop k="outline_color" v="106,61,154,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="16" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="0,0,0,0"/>
          <prop k="outline_color" v="0,0,0,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="17" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="0,0,0,50"/>
          <prop k="outline_color" v="0,0,0,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="18" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="200,0,120,0"/>
          <prop k="outline_color" v="200,0,120,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="19" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="200,0,120,50"/>
          <prop k="outline_color" v="200,0,120,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
      <symbol type="fill" name="20" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <prop k="style" v="solid"/>
          <prop k="color" v="128,128,128,0"/>
          <prop k="outline_color" v="128,128,128,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.4"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="joinstyle" v="round"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <layerGeometryType>2</layerGeometryType>
</qgis>
