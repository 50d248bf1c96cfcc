-- delta_distance.lua: the Lua baseline for bench/bench.py.
--
-- A Lua postdissector doing what the talk's Lua original did (Cat 6 and fiber
-- kilometres from frame.time_delta_displayed), so the C plugin can be compared
-- with it on the same run. Written for this benchmark; load it with
--   tshark -X lua_script:bench/delta_distance.lua
-- and never together with the C plugin (both register "delta_distance").

local C_KM_S = 299792.458

local proto = Proto("delta_distance", "Delta Distance (Lua baseline)")
local f_cat6_km = ProtoField.double("delta_distance.cat6.km", "Cat 6 km")
local f_fiber_km = ProtoField.double("delta_distance.fiber.km", "Fiber km")
proto.fields = { f_cat6_km, f_fiber_km }

local delta_displayed = Field.new("frame.time_delta_displayed")

function proto.dissector(tvb, pinfo, tree)
    local delta = delta_displayed()
    if delta == nil then return end
    local seconds = delta.value:tonumber()
    local subtree = tree:add(proto)
    subtree:add(f_cat6_km, seconds * C_KM_S * 0.65)
    subtree:add(f_fiber_km, seconds * C_KM_S * 0.67)
end

register_postdissector(proto)
