// The studio's words in English and Chinese. The language is the one the person chose, else the browser's.
const words = {
  en: {
    skip: 'Skip to content', studio: 'Studio', mainNav: 'Main', films: 'Films', newFilm: 'New film', language: 'Language', apiKey: 'API key',
    keyTitle: 'API key', keyHelp: 'The key of `cloudreel serve` (in its home\'s api-key file) or a function key in Azure. It stays in this tab only.',
    save: 'Save', search: 'Search films', allStatuses: 'All statuses', title: 'Title', status: 'Status', stage: 'Stage', shots: 'Shots', cost: 'Cost',
    created: 'Created', origin: 'From', noFilms: 'No films yet.', loading: 'Loading…',
    pending: 'pending', running: 'running', completed: 'completed', failed: 'failed', cancelled: 'cancelled', suspended: 'suspended', planned: 'planned',
    awaitingApproval: 'awaiting approval',
    order: 'Order (YAML or JSON)', orderAssets: 'Files the order names (pictures, music, logo), found by their file names', orderFile: 'Open an order file', format: 'Format', estimate: 'Estimate cost', start: 'Start film', draft: 'Draft preview',
    errorsFound: '{n} error(s) in the order', line: 'line {n}', column: 'column {n}', estimateTitle: 'Estimate', total: 'Total', budget: 'Budget',
    overBudget: 'Over the budget: the film would be stopped before anything is submitted.', fromCache: 'from the cache', model: 'Model', seconds: 'Seconds',
    accepted: 'Film {id} started.', progress: 'Progress', shotsDone: '{done} of {total} shots', approval: 'Storyboard approval',
    approvalHelp: 'Nothing is generated until the storyboard is approved.', yourName: 'Your name', comment: 'Comment', approve: 'Approve', reject: 'Reject',
    cancel: 'Cancel film', outputs: 'Outputs', downloads: 'Downloads', storyboard: 'Storyboard', prompt: 'Prompt', captions: 'Caption', seed: 'Seed',
    regenerate: 'Regenerate', edit: 'Edit', replace: 'Replace with a picture', picture: 'Picture (PNG, JPEG or WebP)', still: 'Hold it still (no camera move)',
    replaceClip: 'Replace with a clip', clip: 'Clip (MP4, MOV or WebM)', clipHelp: 'Your own footage: no model makes it and it costs nothing; it is cut to the shot\'s length.',
    provided: 'own clip', reportProvided: ', {provided} own clip(s)',
    makeAgain: 'Make this shot again', close: 'Close', generated: 'generated', cache: 'from cache', report: '{generated} generated, {cache} from the cache',
    retakeOf: 'A new take of shot {shot} of {film}', error: 'Error', needKey: 'Enter the API key to continue.', approved: 'Approved.', rejected: 'Rejected.',
    rendition: 'Rendition {name}', notFound: 'There is no such page.', back: 'Back to films', shot: 'Shot', state: 'State', none: '—',
    waiting: 'waiting', film: 'Film', row: 'Row', rowKey: 'Key', batchRows: 'Rows', batchReports: 'Batch report', cancelBatch: 'Cancel batch',
    costSoFar: 'Cost so far', batchTally: '{done} of {total} done · {running} running · {failed} failed · {waiting} waiting',
    openBatchLabel: 'Batch', openBatch: 'Open batch', batchIdHint: 'Batch id',
  },
  zh: {
    skip: '跳到内容', studio: '工作室', mainNav: '主导航', films: '影片', newFilm: '新建影片', language: '语言', apiKey: 'API 密钥',
    keyTitle: 'API 密钥', keyHelp: '`cloudreel serve` 的密钥（在其主目录的 api-key 文件中），或 Azure 中的函数密钥。只保存在此标签页中。',
    save: '保存', search: '搜索影片', allStatuses: '全部状态', title: '标题', status: '状态', stage: '阶段', shots: '镜头', cost: '费用',
    created: '创建时间', origin: '来源', noFilms: '还没有影片。', loading: '加载中…',
    pending: '排队中', running: '进行中', completed: '已完成', failed: '失败', cancelled: '已取消', suspended: '已暂停', planned: '已规划',
    awaitingApproval: '等待审批',
    order: '订单（YAML 或 JSON）', orderAssets: '订单用到的文件（图片、音乐、标志），按文件名匹配', orderFile: '打开订单文件', format: '格式', estimate: '估算费用', start: '开始制作', draft: '草稿预览',
    errorsFound: '订单中有 {n} 处错误', line: '第 {n} 行', column: '第 {n} 列', estimateTitle: '估算', total: '合计', budget: '预算',
    overBudget: '超出预算：影片会在提交任何任务前停止。', fromCache: '来自缓存', model: '模型', seconds: '秒数',
    accepted: '影片 {id} 已开始。', progress: '进度', shotsDone: '{total} 个镜头中已完成 {done} 个', approval: '分镜审批',
    approvalHelp: '分镜获批前不会生成任何内容。', yourName: '你的名字', comment: '意见', approve: '批准', reject: '驳回',
    cancel: '取消影片', outputs: '成片', downloads: '下载', storyboard: '分镜', prompt: '提示词', captions: '字幕', seed: '种子',
    regenerate: '重新生成', edit: '编辑', replace: '用图片替换', picture: '图片（PNG、JPEG 或 WebP）', still: '静止画面（无运镜）',
    replaceClip: '用视频片段替换', clip: '视频片段（MP4、MOV 或 WebM）', clipHelp: '你自己的素材：不经模型生成，不产生费用；按镜头时长截取。',
    provided: '自有片段', reportProvided: '，自有片段 {provided} 个',
    makeAgain: '重新制作此镜头', close: '关闭', generated: '新生成', cache: '来自缓存', report: '新生成 {generated} 个，来自缓存 {cache} 个',
    retakeOf: '{film} 的镜头 {shot} 的新版本', error: '错误', needKey: '请输入 API 密钥以继续。', approved: '已批准。', rejected: '已驳回。',
    rendition: '版本 {name}', notFound: '没有这个页面。', back: '返回影片列表', shot: '镜头', state: '状态', none: '—',
    waiting: '等待中', film: '影片', row: '行', rowKey: '键', batchRows: '各行', batchReports: '批次报告', cancelBatch: '取消批次',
    costSoFar: '目前费用', batchTally: '共 {total} 个，已完成 {done} 个 · 进行中 {running} 个 · 失败 {failed} 个 · 等待 {waiting} 个',
    openBatchLabel: '批次', openBatch: '打开批次', batchIdHint: '批次 ID',
  },
};

const chosen = () => localStorage.getItem('cloudreel.lang');

export let lang = chosen() ?? (navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en');

/** The word for key in the current language, with {name} filled from values. */
export function t(key, values = {}) {
  const text = words[lang][key] ?? words.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export function setLanguage(next) {
  lang = words[next] ? next : 'en';
  localStorage.setItem('cloudreel.lang', lang);
  translate(document);
}

/** Fills every element marked data-i18n (text) or data-i18n-aria (aria-label) under root. */
export function translate(root) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}
