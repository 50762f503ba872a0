{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Đợt khảo sát sự hài lòng</h1>
  <p class="lead">Các đợt khảo sát người dân của đơn vị và các đơn vị trực thuộc, với số phiếu đã nhận so với số phiếu cần có.</p>
  <p class="actions">{{#MAY_CREATE}}<a class="button" href="/surveys/campaigns/new" id="new-campaign">Tạo đợt khảo sát</a> {{/MAY_CREATE}}<a class="button secondary" href="/surveys/questionnaires" id="questionnaires-link">Bộ câu hỏi khảo sát</a></p>
  {{#EMPTY}}<p id="campaigns-empty">Chưa có đợt khảo sát nào.</p>{{/EMPTY}}
  {{#HAS_CAMPAIGNS}}<div class="table-wrap" role="region" aria-labelledby="campaigns-caption" tabindex="0"><table class="stack" id="campaigns-table">
    <caption id="campaigns-caption">Các đợt khảo sát</caption>
    <thead><tr><th scope="col">Tên đợt khảo sát</th><th scope="col">Thời gian</th><th scope="col" class="num">Số đơn vị</th><th scope="col" class="num">Số phiếu / cần có</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>{{#CAMPAIGN}}<tr><th scope="row"><a href="{{URL}}">{{NAME}}</a></th><td data-label="Thời gian">{{ROUND_LINE}}</td><td class="num" data-label="Số đơn vị">{{UNITS}}</td><td class="num" data-label="Số phiếu / cần có">{{RESPONSES}} / {{TARGET}}</td><td data-label="Tình trạng">{{STATE}}</td></tr>{{/CAMPAIGN}}</tbody>
  </table></div>{{/HAS_CAMPAIGNS}}
</section>
