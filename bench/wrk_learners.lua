-- Signed-in learners for wrk: each request is the next line of the file named by BENCH_TARGETS,
-- "METHOD<TAB>PATH<TAB>SESSION KEY<TAB>CSRF SECRET" (each thread starts at a random line and goes round).
-- POSTs carry the CSRF secret as the cookie and as the form's token, as a browser's form would.
local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
  local method, path, session, csrf = line:match("^(%u+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
  if method then targets[#targets + 1] = {method, path, session, csrf} end
end
local next_index = 1

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  next_index = math.random(#targets)
end

request = function()
  local t = targets[next_index]
  next_index = next_index % #targets + 1
  local headers = {["Cookie"] = "sessionid=" .. t[3] .. "; csrftoken=" .. t[4]}
  if t[1] == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", t[2], headers, "csrfmiddlewaretoken=" .. t[4])
  end
  return wrk.format("GET", t[2], headers)
end

dofile(os.getenv("BENCH_REPORT"))
