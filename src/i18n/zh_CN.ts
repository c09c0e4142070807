// 简体中文界面文案。键与占位符必须与 en.ts 完全一致（由类型和 test/i18n/catalogs.test.ts 检查）。
//
// 用语以 BOS 控制台和文档为准：存储桶、对象、分块上传、追加上传（AppendObject）、表单上传（PostObject）、
// 访问密钥 AK/SK、签名、认证字符串、鉴权、预签名 URL、STS 临时授权（临时凭证）、跨域资源共享 CORS、
// 预检请求、请求已过期、时钟偏差。
// DevTools 界面用语与 Chrome 开发者工具中文版一致：过滤、保留日志、请求头、响应头、常规。
// 中英文、数字之间留一个空格；标点用全角，代码、请求头名、取值保持原样（半角引号）。
//
// 与英文目录一样分为两部分：./ui/zh_CN.startup.ts（面板首次绘制所需）和 ./ui/zh_CN.views.ts（其余部分）。
import type { UiKey } from './en.ts'
import { zhStartup } from './ui/zh_CN.startup.ts'
import { zhViews } from './ui/zh_CN.views.ts'

export const zh_CN: Record<UiKey, string> = { ...zhStartup, ...zhViews }
