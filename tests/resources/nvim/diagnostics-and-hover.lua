-- Run by NeovimClientTest after the README's Neovim 0.7 snippet has started `hlc lsp` and attached it to the
-- spec being edited: writes down the diagnostics and a hover exactly as Neovim's own LSP client received them.
-- Uses only API that Neovim 0.7 (Debian 12's) has and later releases keep.
local out = io.open(os.getenv('HLC_OUT'), 'w')
local hover_line = tonumber(os.getenv('HLC_HOVER_LINE'))
local hover_char = tonumber(os.getenv('HLC_HOVER_CHAR'))
local buf = vim.api.nvim_get_current_buf()

local function finish(code)
  out:close()
  vim.cmd(code == 0 and 'qa!' or 'cq!')
end

-- The client attaches once the server has answered `initialize` (a JVM start).
local attached = vim.wait(60000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 50)
if not attached then
  out:write('error: no language server is attached to ' .. vim.api.nvim_buf_get_name(buf) .. ' (filetype ' .. vim.bo.filetype .. ')\n')
  finish(1)
  return
end

local got = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
if not got then
  out:write('error: no diagnostics within 60 s\n')
  finish(1)
  return
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  local code = d.code or lsp.code or ''
  local first = vim.split(d.message, '\n')[1]
  out:write(string.format('diagnostic %d:%d %s %s\n', d.lnum + 1, d.col + 1, code, first))
end

local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = hover_line, character = hover_char },
}
local results = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 20000) or {}
for _, r in pairs(results) do
  if r.result and r.result.contents then
    out:write('hover ' .. (r.result.contents.value or vim.inspect(r.result.contents)) .. '\n')
  elseif r.err then
    out:write('hover error ' .. vim.inspect(r.err) .. '\n')
  end
end
finish(0)
