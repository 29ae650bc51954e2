// The parts of ECharts the dashboard draws, registered once. Imported lazily by <EChart>, so the
// library loads with the first chart only: 423 kB + 178 kB (zrender) minified, 145 + 59 kB gzipped,
// with these five chart types and four components (vite build, echarts 6.1).
import { BarChart, FunnelChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, FunnelChart, GaugeChart, LineChart, PieChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
