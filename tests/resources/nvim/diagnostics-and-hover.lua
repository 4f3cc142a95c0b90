-- Run by NeovimClientTest: `nvim --headless -u NONE -l`-style, with the spec to open, the server command and
-- where to write what Neovim's own LSP client received. Uses the API of Neovim 0.7 (Debian 12's), which 0.8 and
-- later keep: vim.lsp.start_client and vim.lsp.buf_attach_client.
local spec = os.getenv('HLC_SPEC')
local out = io.open(os.getenv('HLC_OUT'), 'w')
local cmd = vim.fn.json_decode(os.getenv('HLC_LSP_CMD'))
local hover_line = tonumber(os.getenv('HLC_HOVER_LINE'))
local hover_char = tonumber(os.getenv('HLC_HOVER_CHAR'))

local function finish(code)
  out:close()
  vim.cmd(code == 0 and 'qa!' or 'cq!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(spec))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'hlc',
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(spec, ':h'),
})
if not client_id then
  out:write('error: the server did not start\n')
  finish(1)
  return
end
vim.lsp.buf_attach_client(buf, client_id)

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
vim.lsp.stop_client(client_id)
finish(0)
